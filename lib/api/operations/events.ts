import { z } from 'zod';
import { eventCatalogue, eventTypes, type EventType } from '@/lib/events/catalogue';
import type { EventView } from '@/lib/events/list-events';
import { listParamsShape } from '@/lib/pagination/cursor';
import { defineOperation } from '../operation';
import { idOf, pageOf, timestamp } from '../schemas';

const typeList = eventTypes.map((type) => `\`${type}\``).join(', ');

export const eventResource = z
  .object({
    object: z.literal('event'),
    id: idOf('evt', 'The event’s id; also the `webhook-id` header of its deliveries.'),
    type: z.string().meta({ description: `What happened: one of ${typeList}.`, example: 'client.activated' }),
    data: z.record(z.string(), z.unknown()).meta({ description: 'The event’s payload; its shape depends on the type.' }),
    created_at: timestamp,
  })
  .meta({ id: 'Event' });

export const eventExample = {
  object: 'event',
  id: 'evt_01kaz3d4mqf2v8n6w0c1e5rj7t',
  type: 'client.activated',
  data: { client: { id: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t', name: 'Bluebird Logistics', email: 'ops@bluebird.example', status: 'active' }, reason: 'KYC accepted' },
  created_at: '2026-11-22T09:30:00.000Z',
};

export const listEventsOperation = defineOperation({
  method: 'GET',
  path: '/events',
  operationId: 'listEvents',
  summary: 'List events',
  description: `Everything that happened in the partner’s account in the last 30 days, newest first; older events are deleted. Filter by \`type\`. The same events are delivered to webhook endpoints.\n\nTypes: ${(Object.keys(eventCatalogue) as EventType[]).map((type) => `\`${type}\` – ${eventCatalogue[type]}`).join(' ')}`,
  tag: 'Events',
  scope: 'events:read',
  query: z.strictObject({
    ...listParamsShape,
    type: z.enum(eventTypes as [EventType, ...EventType[]], 'Unknown event type.').optional().meta({ description: 'Only events of this type.' }),
  }),
  response: { status: 200, description: 'A page of events.', schema: pageOf(eventResource), example: { object: 'list', data: [eventExample], has_more: false } },
});

export const getEventOperation = defineOperation({
  method: 'GET',
  path: '/events/{event_id}',
  operationId: 'getEvent',
  summary: 'Get an event',
  description: 'One event of the last 30 days. Another partner’s event id answers 404.',
  tag: 'Events',
  scope: 'events:read',
  params: z.strictObject({ event_id: idOf('evt', 'The event’s id.') }),
  response: { status: 200, description: 'The event.', schema: eventResource, example: eventExample },
  errors: ['not_found'],
});

export function toEventResource(event: EventView) {
  return { object: 'event' as const, id: event.id, type: event.type, data: event.data, created_at: event.createdAt };
}
