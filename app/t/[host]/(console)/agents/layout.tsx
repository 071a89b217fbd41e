import type { ReactNode } from 'react';
import { SectionTabs } from '@/components/console/section-tabs';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { requireConsoleSession } from '@/lib/auth/session';

const tabs = [
  { href: '/agents', label: 'Agents' },
  { href: '/agents/wallboard', label: 'Wallboard' },
  { href: '/agents/bots', label: 'Voice bots' },
  { href: '/agents/recordings', label: 'Recordings' },
] as const;

export default async function AgentsLayout({ children }: { children: ReactNode }) {
  const { environment } = await requireConsoleSession();
  return (
    <>
      <PageHeader
        title="Agents"
        description="Your clients’ agents and their live availability, voice bots and recordings."
        actions={<Badge tone={environment === 'test' ? 'warning' : 'success'}>{environment === 'test' ? 'Viewing test data' : 'Viewing live data'}</Badge>}
      />
      <SectionTabs tabs={tabs} label="Agents" />
      {children}
    </>
  );
}
