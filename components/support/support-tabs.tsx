import { SectionTabs } from '@/components/console/section-tabs';

const tabs = [
  { href: '/support', label: 'Clients’ tickets' },
  { href: '/support/platform', label: 'Platform support' },
] as const;

export const SupportTabs = () => <SectionTabs tabs={tabs} label="Support" />;
