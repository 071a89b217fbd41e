import type { DeliveredEvent } from '@/lib/webhooks/payload-formats';

/** UChat's workspace events, by the Switchboard event each one is delivered from. */
export const uchatEventNames: Record<string, string> = {
  'workspace.created': 'workspace_created',
  'workspace.cancelled': 'workspace_deleted',
  'workspace.plan_changed': 'plan_changed',
  'workspace.renewed': 'plan_renewed',
  'workspace.renewal_failed': 'overdue',
  'client.created': 'user_registered',
};

/** UChat posts a flat object named by `event_type`; the event's own fields follow it. */
export function uchatWebhookBody(event: DeliveredEvent): string {
  const data = (event.data ?? {}) as Record<string, unknown>;
  return JSON.stringify({ event_type: uchatEventNames[event.type] ?? event.type, event_id: event.id, created_at: event.createdAt.toISOString(), ...data });
}
