import { inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { apiKeys } from '@/db/schema';
import { logger } from '@/lib/log/logger';

/**
 * "Last used" without a write per request: uses are noted in memory and written at most once a minute per
 * process, one statement for all keys used meanwhile. The time shown is therefore accurate to a minute.
 */
const pending = new Map<string, Date>();
let timer: NodeJS.Timeout | undefined;
const flushEveryMs = 60_000;

export function noteKeyUsed(apiKeyId: string, at = new Date()) {
  pending.set(apiKeyId, at);
  timer ??= setTimeout(() => void flushKeyUse(), flushEveryMs).unref();
}

export async function flushKeyUse(): Promise<void> {
  timer = undefined;
  if (pending.size === 0) return;
  const batch = [...pending];
  pending.clear();
  // An ISO string, not a Date: postgres.js cannot bind a Date inside a raw SQL fragment.
  const at = new Date(Math.max(...batch.map(([, d]) => d.getTime()))).toISOString();
  try {
    await getDb()
      .update(apiKeys)
      .set({ lastUsedAt: sql`greatest(coalesce(${apiKeys.lastUsedAt}, ${at}::timestamptz), ${at}::timestamptz)` })
      .where(inArray(apiKeys.id, batch.map(([id]) => id)));
  } catch (error) {
    logger.warn('could not record API key use', { error: (error as Error).message });
  }
}
