import type { DeliveredEvent } from '@/lib/webhooks/payload-formats';

/** UChat's workspace events, by the Switchboard event each one is delivered from. */
export const uchatEventNames: Record<string, string> = {
  'workspace.created': 'workspace_created',
  'workspace.cancelled': 'workspace_deleted',
  'workspace.plan_changed': 'plan_changed',
  'workspace.renewed': 'plan_renewed',
  'workspace.renewal_failed': 'overdue',
  'client.created': 'user_registered',
  // A client added pending (UChat's workspace/create) registers when it finishes KYC, which activates it.
  'client.activated': 'user_registered',
};

/** UChat's name for one event: an activation that is not the end of onboarding (a reactivation) keeps its own. */
function eventTypeOf(event: DeliveredEvent, data: Data): string {
  if (event.type === 'client.activated' && !data.registration_id) return 'user_activated';
  return uchatEventNames[event.type] ?? event.type;
}

type Data = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' && value ? value : null);
const objectOf = (value: unknown): Data => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : {});

/**
 * UChat posts a flat object named by `event_type` with the owner and plan on top: `owner_id` and `owner_email`
 * (the workspace's client), `workspace_id`, `plan` and `auto_renew` as 0/1. The event's own fields follow, so
 * nothing it carries is lost. Built from the event alone: every attempt sends the same bytes.
 */
export function uchatWebhookBody(event: DeliveredEvent): string {
  const data = objectOf(event.data);
  const client = objectOf(data.client);
  const owner = {
    owner_id: text(data.client_id) ?? text(client.id),
    owner_email: text(data.client_email) ?? text(client.email),
    owner_name: text(data.client_name) ?? text(client.name),
  };
  const plan = {
    workspace_id: text(data.workspace_id),
    plan: text(data.to_plan_code) ?? text(data.plan_code) ?? text(data.to_plan_id) ?? text(data.plan_id),
    plan_id: text(data.to_plan_id) ?? text(data.plan_id),
    billing_period: text(data.billing_period),
    period_start: text(data.period_start),
    period_end: text(data.period_end),
  };
  const autoRenew = typeof data.auto_renew === 'boolean' ? { auto_renew: data.auto_renew ? 1 : 0 } : {};
  return JSON.stringify({ event_type: eventTypeOf(event, data), event_id: event.id, created_at: event.createdAt.toISOString(), ...data, ...owner, ...plan, ...autoRenew });
}
