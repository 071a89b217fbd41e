import type { ReactNode } from 'react';
import { SectionTabs } from '@/components/console/section-tabs';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { requireConsoleSession } from '@/lib/auth/session';

const tabs = [
  { href: '/developers', label: 'API keys' },
  { href: '/developers/webhooks', label: 'Webhooks' },
  { href: '/developers/requests', label: 'Requests' },
  { href: '/developers/audit', label: 'Audit log' },
  { href: '/developers/outbox', label: 'Outbox' },
] as const;

export default async function DevelopersLayout({ children }: { children: ReactNode }) {
  const { environment } = await requireConsoleSession();
  return (
    <>
      <PageHeader
        title="Developers"
        description="API keys, webhooks and logs for connecting your systems to the REST API."
        actions={<Badge tone={environment === 'test' ? 'warning' : 'success'}>{environment === 'test' ? 'Viewing test data' : 'Viewing live data'}</Badge>}
      />
      <SectionTabs tabs={tabs} label="Developers" />
      {children}
    </>
  );
}
