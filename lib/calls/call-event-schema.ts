import { z } from 'zod';
import type { CallEvent } from '@/lib/providers/carrier/carrier-provider';

const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'Use an E.164 number with the plus, e.g. +919812345678.');
const id = z.string().trim().min(1).max(200);

/**
 * One call event as the carrier, the operator's switch or the call simulator sends it (the `CallEvent` shape of
 * the carrier adapter). The endpoint takes one event or `{ "events": [...] }` of up to 100.
 */
export const callEventSchema = z.strictObject({
  eventId: id,
  type: z.enum(['call.started', 'call.answered', 'call.ended']),
  callId: id,
  legId: id,
  leg: z.enum(['first_party', 'second_party', 'inbound', 'outbound']),
  direction: z.enum(['inbound', 'outbound']),
  number: e164,
  from: e164,
  to: e164,
  sessionReference: id.optional(),
  occurredAt: z.iso.datetime({ offset: true, error: 'Use an ISO 8601 date-time.' }),
  durationSeconds: z.number().int().min(0).max(7 * 24 * 3600).optional(),
  outcome: z.enum(['completed', 'no_answer', 'busy', 'failed', 'cancelled']).optional(),
  recordingUrl: z.url().max(2000).optional(),
}) satisfies z.ZodType<CallEvent>;

export const callEventBatchSchema = z.union([callEventSchema.transform((event) => [event]), z.strictObject({ events: z.array(callEventSchema).min(1).max(100) }).transform((batch) => batch.events)]);
