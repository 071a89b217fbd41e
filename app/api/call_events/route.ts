import { randomUUID } from 'node:crypto';
import { problemResponse } from '@/lib/api/problem';
import { signatureHeader, timestampHeader } from '@/lib/calls/call-event-signature';
import { maxCallEventsBytes, receiveCallEvents } from '@/lib/calls/receive-call-events';
import { AppError } from '@/lib/errors/app-error';

// POST /api/call_events – call events from the carrier or the operator's switch, signed with CALL_EVENTS_SECRET
export async function POST(request: Request) {
  const requestId = `req_${randomUUID()}`;
  const origin = new URL(request.url).origin;
  try {
    const raw = await request.text();
    if (Buffer.byteLength(raw) > maxCallEventsBytes) throw new AppError('payload_too_large', `Send at most ${maxCallEventsBytes / 1024} KB (100 events) per request.`);
    const receipt = await receiveCallEvents(raw, { timestamp: request.headers.get(timestampHeader), signature: request.headers.get(signatureHeader) });
    return Response.json(receipt, { headers: { 'cache-control': 'no-store', 'x-request-id': requestId } });
  } catch (error) {
    return problemResponse(error, origin, requestId);
  }
}
