import { z } from 'zod';

/**
 * What an API key may do, per capability: `<resource>:read` or `<resource>:write` (write includes read).
 * Later capabilities add their resources here.
 */
export const scopeResources = {
  clients: 'Clients and their status',
  onboarding: 'Registrations, KYC steps and onboarding links',
  webhooks: 'Webhook endpoints and deliveries',
  events: 'Events',
  audit: 'Audit log (read only)',
  billing: 'Balances, prices, client wallets and validity, days and points, refunds and commissions',
  agents: 'Agents, their availability and working hours, and the live availability stream',
  flows: 'Call flows and their recordings',
  bots: 'WebSocket voice bots and their connection test',
  templates: 'E-mail templates, and provisioning templates: their versions, dry runs, installs and upgrades',
  channels: 'WhatsApp channels: create, connect, days, webhooks, the day balance',
  whatsapp: 'WhatsApp Business numbers: link, health, schedules',
  support: 'Support tickets: your clients’ tickets with you, and yours with us; replies, notes, attachments and statistics',
  numbers: 'Number search, holds, purchases, a client’s numbers, release, recall and working hours',
  masking: 'Masking sessions, their call legs and the masking pool',
  calls: 'Call records (read only)',
  invoices: 'GST invoices, credit notes and their PDFs, and monthly commission statements (read only)',
  metrics: 'A client’s usage and your business metrics (read only)',
  sandbox: 'The sandbox: resetting it with sample data, and its test clock (reading it, advancing it)',
  plans: 'Plans and add-ons you offer, your clients’ workspaces: plan changes, add-ons, points, pause and resume, billing information',
} as const;

export type ScopeResource = keyof typeof scopeResources;
export type Scope = `${ScopeResource}:${'read' | 'write'}`;

/** Resources that are only ever read. */
const readOnly: ReadonlySet<ScopeResource> = new Set(['audit', 'calls', 'invoices', 'metrics']);

export const allScopes = (Object.keys(scopeResources) as ScopeResource[]).flatMap((resource) =>
  readOnly.has(resource) ? [`${resource}:read` as Scope] : [`${resource}:read` as Scope, `${resource}:write` as Scope],
);

export const scopeSchema = z.enum(allScopes as [Scope, ...Scope[]], 'Unknown scope.');

/**
 * Scopes another scope's holder has too. Call records are the calls of numbers and masking sessions, whose
 * scopes (`numbers:*`, `masking:*`) cover "all of it" including call records; `calls:read` alone is for a key
 * that only reads calls (a reporting tool).
 */
export const alsoGrantedBy: Partial<Record<Scope, Scope[]>> = {
  'calls:read': ['numbers:read', 'masking:read'],
};

/** True when `granted` allows `needed`: the same scope, write where read is needed, or a scope that implies it. */
export function hasScope(granted: readonly string[], needed: Scope): boolean {
  if (granted.includes(needed)) return true;
  const [resource, access] = needed.split(':');
  if (access === 'read' && granted.includes(`${resource}:write`)) return true;
  return (alsoGrantedBy[needed] ?? []).some((other) => hasScope(granted, other));
}
