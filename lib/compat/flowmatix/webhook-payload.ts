import type { DeliveredEvent } from '@/lib/webhooks/payload-formats';

/** Flowmatix's partner webhook events, by the Switchboard event each one is delivered from. */
export const flowmatixEventNames = {
  'client.created': 'customer.created',
  'client.upgraded': 'customer.upgraded',
  'client.cancelled': 'customer.cancelled',
  'commission.earned': 'commission.earned',
  'invoice.generated': 'invoice.generated',
} as const;

export type FlowmatixEventName = (typeof flowmatixEventNames)[keyof typeof flowmatixEventNames];
export const flowmatixEvents = Object.values(flowmatixEventNames) as FlowmatixEventName[];

/** Flowmatix's event name → the Switchboard event type a webhook endpoint subscribes to. */
export const switchboardTypeOf = Object.fromEntries(Object.entries(flowmatixEventNames).map(([type, name]) => [name, type])) as Record<FlowmatixEventName, keyof typeof flowmatixEventNames>;

const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/**
 * The body a Flowmatix-format endpoint receives: `{ id, event, created_at, customer_id, data }`, with `event`
 * under Flowmatix's name and `customer_id` lifted from the event's client, which is what Flowmatix keys its
 * partner events by. A pure function of the event, so every attempt and redelivery sends the same bytes.
 */
export function flowmatixWebhookBody(event: DeliveredEvent): string {
  const data = record(event.data);
  const customerId = typeof data.client_id === 'string' ? data.client_id : typeof data.id === 'string' && event.type.startsWith('client.') ? data.id : null;
  return JSON.stringify({
    id: event.id,
    event: (flowmatixEventNames as Record<string, string>)[event.type] ?? event.type,
    created_at: event.createdAt.toISOString(),
    customer_id: customerId,
    data: event.data,
  });
}
