import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { events, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import type { EventType } from './catalogue';

/**
 * Records an event and queues its webhook deliveries in the caller's transaction (the outbox): the change,
 * the event and the deliveries commit together or not at all, and the worker sends them afterwards.
 * Payloads must never hold secrets.
 */
export async function emitEvent(tx: Tx, partnerId: string, type: EventType, data: Record<string, unknown>, onlyEndpointId?: string) {
  const [event] = await tx.insert(events).values({ partnerId, type, data }).returning();
  const endpoints = await tx
    .select({ id: webhookEndpoints.id, eventTypes: webhookEndpoints.eventTypes, channelId: webhookEndpoints.channelId })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.partnerId, partnerId), eq(webhookEndpoints.status, 'enabled'), onlyEndpointId ? eq(webhookEndpoints.id, onlyEndpointId) : undefined));
  // A channel's own endpoint hears only events about that channel.
  const subscribed = endpoints.filter((endpoint) => onlyEndpointId || ((endpoint.eventTypes.includes('*') || endpoint.eventTypes.includes(type)) && (!endpoint.channelId || endpoint.channelId === data.channel_id)));
  if (subscribed.length) {
    await tx.insert(webhookDeliveries).values(subscribed.map((endpoint) => ({ partnerId, endpointId: endpoint.id, eventId: event!.id })));
  }
  return event!;
}
