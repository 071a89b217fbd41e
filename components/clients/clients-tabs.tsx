import { SectionTabs } from '@/components/console/section-tabs';

const tabs = [
  { href: '/clients', label: 'All clients' },
  { href: '/clients/pending', label: 'Pending registrations' },
  { href: '/clients/links', label: 'Onboarding links' },
] as const;

/** The Clients section's sub-navigation, on each of its list pages (the onboarding wizard has its own frame). */
export function ClientsTabs() {
  return <SectionTabs tabs={tabs} label="Clients" />;
}
