import { SectionTabs } from '@/components/console/section-tabs';

/** One client's sub-navigation: its overview, wallet and members. */
export function ClientTabs({ clientId }: { clientId: string }) {
  const base = `/clients/${encodeURIComponent(clientId)}`;
  return (
    <SectionTabs
      label="Client"
      tabs={[
        { href: base, label: 'Overview' },
        { href: `${base}/wallet`, label: 'Wallet' },
        { href: `${base}/members`, label: 'Members' },
      ]}
    />
  );
}
