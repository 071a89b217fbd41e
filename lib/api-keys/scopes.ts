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
  templates: 'E-mail templates',
  channels: 'WhatsApp channels: create, connect, days, webhooks, the day balance',
  whatsapp: 'WhatsApp Business numbers: link, health, schedules',
  support: 'Support tickets: your clients’ tickets with you, and yours with us; replies, notes, attachments and statistics',
  numbers: 'Number search, holds, purchases, a client’s numbers, release, recall and working hours',
  masking: 'Masking sessions, their call legs and the masking pool',
  calls: 'Call records (read only)',
  plans: 'Plans and add-ons you offer, your clients’ workspaces: plan changes, add-ons, points, pause and resume, billing information',
} as const;

export type ScopeResource = keyof typeof scopeResources;
export type Scope = `${ScopeResource}:${'read' | 'write'}`;

export const allScopes = (Object.keys(scopeResources) as ScopeResource[]).flatMap((resource) =>
  resource === 'audit' || resource === 'calls' ? [`${resource}:read` as Scope] : [`${resource}:read` as Scope, `${resource}:write` as Scope],
);

export const scopeSchema = z.enum(allScopes as [Scope, ...Scope[]], 'Unknown scope.');

/** True when `granted` allows `needed`: the same scope, or write where read is needed. */
export function hasScope(granted: readonly string[], needed: Scope): boolean {
  if (granted.includes(needed)) return true;
  const [resource, access] = needed.split(':');
  return access === 'read' && granted.includes(`${resource}:write`);
}
