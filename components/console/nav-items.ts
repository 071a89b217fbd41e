/**
 * The partner console's sections, in the order partners think of them. Sections still to be built are listed
 * (so the shape of the product is visible) but disabled.
 */
export type NavItem = { href: string; label: string; enabled: boolean };

export const consoleNav: NavItem[] = [
  { href: '/', label: 'Dashboard', enabled: true },
  { href: '/clients', label: 'Clients', enabled: true },
  { href: '/numbers', label: 'Numbers', enabled: true },
  { href: '/masking', label: 'Masking', enabled: true },
  { href: '/agents', label: 'Agents', enabled: true },
  { href: '/flows', label: 'Flows', enabled: true },
  { href: '/whatsapp', label: 'WhatsApp', enabled: true },
  { href: '/channels', label: 'Channels', enabled: true },
  { href: '/templates', label: 'Templates', enabled: true },
  { href: '/billing', label: 'Billing', enabled: true },
  { href: '/prices', label: 'Prices', enabled: true },
  { href: '/plans', label: 'Plans', enabled: true },
  { href: '/commissions', label: 'Commissions', enabled: true },
  { href: '/invoices', label: 'Invoices', enabled: true },
  { href: '/metrics', label: 'Metrics', enabled: true },
  { href: '/branding', label: 'Branding', enabled: true },
  { href: '/emails', label: 'E-mails', enabled: true },
  { href: '/developers', label: 'Developers', enabled: true },
  { href: '/support', label: 'Support', enabled: true },
  { href: '/team', label: 'Team', enabled: true },
  { href: '/settings', label: 'Settings', enabled: true },
];
