import { SectionTabs } from '@/components/console/section-tabs';

/** One client's sub-navigation: its overview, wallet, usage, numbers, agents, members, WhatsApp and workspaces. */
export function ClientTabs({ clientId }: { clientId: string }) {
  const base = `/clients/${encodeURIComponent(clientId)}`;
  return (
    <SectionTabs
      label="Client"
      tabs={[
        { href: base, label: 'Overview' },
        { href: `${base}/wallet`, label: 'Wallet' },
        { href: `${base}/usage`, label: 'Usage' },
        { href: `${base}/numbers`, label: 'Numbers' },
        { href: `${base}/agents`, label: 'Agents' },
        { href: `${base}/flows`, label: 'Flows' },
        { href: `${base}/members`, label: 'Members' },
        { href: `${base}/whatsapp`, label: 'WhatsApp' },
        { href: `${base}/workspaces`, label: 'Workspaces' },
      ]}
    />
  );
}
