import type { DeliveredEvent } from '@/lib/webhooks/payload-formats';

/** Flowmatix's event names, by the Switchboard event each one is delivered from. */
export const flowmatixEventNames: Record<string, string> = {
  'client.created': 'customer.created',
  'client.upgraded': 'customer.upgraded',
  'client.cancelled': 'customer.cancelled',
  'commission.earned': 'commission.earned',
  'invoice.generated': 'invoice.generated',
};

export function flowmatixWebhookBody(event: DeliveredEvent): string {
  return JSON.stringify({ id: event.id, event: flowmatixEventNames[event.type] ?? event.type, created_at: event.createdAt.toISOString(), data: event.data });
}
