import { sql } from 'drizzle-orm';
import { getDb, type Queryable } from '@/db';
import { logger } from '@/lib/log/logger';

/** The PostgreSQL notification channel a changed WhatsApp channel is announced on. */
const topic = 'whatsapp_channel_changed';

type Listener = (change: { partnerId: string; channelId: string }) => void;

/**
 * Announces, in the caller's transaction, that a channel changed: PostgreSQL delivers the notification when
 * (and only if) the transaction commits, to every server process listening, so open pages follow at once.
 */
export async function announceChannelChange(q: Queryable, partnerId: string, channelId: string): Promise<void> {
  await q.execute(sql`select pg_notify(${topic}, ${JSON.stringify({ partnerId, channelId })})`);
}

const globalKey = Symbol.for('switchboard.channel-listeners');
type Registry = { listeners: Set<Listener>; started: Promise<void> | null };
const registry = (): Registry => ((globalThis as Record<symbol, Registry>)[globalKey] ??= { listeners: new Set(), started: null });

function dispatch(payload: string | undefined) {
  if (!payload) return;
  try {
    const change = JSON.parse(payload) as { partnerId: string; channelId: string };
    for (const listener of registry().listeners) listener(change);
  } catch {
    // A malformed notification is nobody's change.
  }
}

/** One LISTEN per process (postgres.js or PGlite), shared by every open stream. */
async function startListening(): Promise<void> {
  const client = (getDb() as unknown as { $client: unknown }).$client as {
    listen: (channel: string, onNotify: (payload: string) => void) => Promise<unknown>;
  };
  await client.listen(topic, dispatch);
}

/** Calls `listener` for every channel change committed anywhere; returns the function that stops it. */
export async function onChannelChange(listener: Listener): Promise<() => void> {
  const reg = registry();
  reg.listeners.add(listener);
  reg.started ??= startListening().catch((error) => {
    reg.started = null;
    logger.error('listening for channel changes failed', { error: String(error) });
  });
  await reg.started;
  return () => reg.listeners.delete(listener);
}
