/**
 * The client portal's sections. A capability that gives clients something to see adds one entry here (and its
 * page under app/t/[host]/account/); the tab bar reads this list.
 */
import type { SectionTab } from '@/components/console/section-tabs';

export type PortalTab = SectionTab;

export const portalTabs: PortalTab[] = [
  { href: '/account', label: 'Account' },
  { href: '/account/wallet', label: 'Wallet' },
  { href: '/account/invoices', label: 'Invoices' },
  { href: '/account/numbers', label: 'Numbers' },
  { href: '/account/whatsapp', label: 'WhatsApp' },
  { href: '/account/channels', label: 'Channels' },
  { href: '/account/members', label: 'Members' },
  { href: '/account/support', label: 'Support' },
];
