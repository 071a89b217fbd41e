import { getConfig } from '@/lib/config';
import { AppError } from '@/lib/errors/app-error';
import { parseInput } from '@/lib/errors/zod';
import { callEventBatchSchema } from './call-event-schema';
import { verifyCallEventSignature } from './call-event-signature';
import { ingestCallEvents } from './ingest-call-events';

/** The largest body the endpoint reads: 100 events with room to spare. */
export const maxCallEventsBytes = 256 * 1024;

/**
 * What the signed endpoint does with a request: checks the signature over the raw bytes (before parsing, so
 * nothing unsigned is ever read), validates the events and records them in order. Answers which events were
 * recorded, which were repeats and which named nothing Switchboard knows.
 */
export async function receiveCallEvents(rawBody: string, headers: { timestamp: string | null; signature: string | null }, now: Date = new Date()) {
  verifyCallEventSignature(getConfig().CALL_EVENTS_SECRET, headers, rawBody, now);
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new AppError('invalid_json', 'The body is not valid JSON.');
  }
  const events = parseInput(callEventBatchSchema, json);
  const results = await ingestCallEvents(events);
  return { object: 'call_event_receipt', results: results.map((r) => ({ event_id: r.eventId, outcome: r.outcome, call_record_id: r.callRecordId ?? null, reason: r.reason ?? null })) };
}
