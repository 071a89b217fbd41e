import { getDb } from '@/db';
import { apiRequestLog, usageEvents } from '@/db/schema';
import { logger } from '@/lib/log/logger';

type Entry = typeof apiRequestLog.$inferInsert;

/**
 * API requests for the console's "recent requests" view, written in batches once a second off the request
 * path: a lost second of debugging history on a crash is a fair price for not writing on every request.
 */
const buffer: Entry[] = [];
let timer: NodeJS.Timeout | undefined;

export function recordApiRequest(entry: Entry): void {
  buffer.push({ createdAt: new Date(), ...entry });
  if (buffer.length > 5000) buffer.splice(0, buffer.length - 5000);
  timer ??= setTimeout(() => void flushApiRequests(), 1000).unref();
}

export async function flushApiRequests(): Promise<void> {
  timer = undefined;
  if (buffer.length === 0) return;
  const batch = buffer.splice(0, buffer.length);
  try {
    // Each request is metered with its log line (in one transaction), keyed by its request id.
    await getDb().transaction(async (tx) => {
      await tx.insert(apiRequestLog).values(batch);
      await tx.insert(usageEvents).values(batch.map(apiRequestUsage)).onConflictDoNothing({ target: [usageEvents.partnerId, usageEvents.idempotencyKey] });
    });
  } catch (error) {
    logger.warn('could not write API request log', { error: (error as Error).message, lost: batch.length });
  }
}

const clientInPath = /\/clients\/(cli_[0-9a-z]{26})(?:\/|$)/;

/**
 * A request counts toward the client its path names when it succeeded (so the client is the caller's own: a
 * foreign id answers 404); otherwise toward the partner itself.
 */
export function apiRequestUsage(entry: Entry): typeof usageEvents.$inferInsert {
  const clientId = entry.status < 400 ? (clientInPath.exec(entry.path)?.[1] ?? null) : null;
  return { partnerId: entry.partnerId, clientId, kind: 'api_requests', quantity: 1n, idempotencyKey: `api-request:${entry.requestId}`, sourceId: entry.requestId, occurredAt: entry.createdAt ?? new Date() };
}

/**
 * A refused key's requests are logged at most once a second each: a leaked, revoked key hammering the API must
 * neither flood its partner's log nor crowd other partners' entries out of the buffer.
 */
const lastRefusalLogged = new Map<string, number>();

export function refusalWorthLogging(apiKeyId: string, now = Date.now()): boolean {
  if (now - (lastRefusalLogged.get(apiKeyId) ?? 0) < 1000) return false;
  if (lastRefusalLogged.size > 10_000) lastRefusalLogged.clear();
  lastRefusalLogged.set(apiKeyId, now);
  return true;
}
