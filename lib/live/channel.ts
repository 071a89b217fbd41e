import { sql } from 'drizzle-orm';
import { listenToChannel, type Queryable, type Unlisten } from '@/db';
import { logger } from '@/lib/log/logger';

/**
 * Live changes across app instances: a change NOTIFYs a PostgreSQL channel inside its own transaction (so the
 * notice goes out only if it commits, and after it), and every instance LISTENs once per channel and fans the
 * notices out to its in-process subscribers (server-sent event streams). postgres.js listens on a connection of
 * its own and listens again after a reconnect; PGlite delivers notices in process, so the embedded default
 * behaves the same on its single instance.
 *
 * A payload is JSON of at most 8000 bytes (PostgreSQL's limit): send the changed row's public view, never a
 * secret, and let subscribers filter by tenant.
 */

type Subscriber = (payload: unknown) => void;
type Channel = { subscribers: Set<Subscriber>; ready: Promise<Unlisten> };

const channelsKey = Symbol.for('switchboard.live.channels');
type GlobalWithChannels = typeof globalThis & { [channelsKey]?: Map<string, Channel> };
const channels = () => ((globalThis as GlobalWithChannels)[channelsKey] ??= new Map());

const channelName = /^[a-z][a-z0-9_]{0,62}$/;

/** Sends `payload` to every subscriber of `channel` on every instance once `q`'s transaction commits. */
export async function notifyLive(q: Queryable, channel: string, payload: unknown): Promise<void> {
  if (!channelName.test(channel)) throw new Error(`Bad live channel name ${channel}`);
  const text = JSON.stringify(payload);
  if (Buffer.byteLength(text) > 7900) throw new Error(`Live payload on ${channel} is too large`);
  await q.execute(sql`select pg_notify(${channel}, ${text})`);
}

function deliver(channel: string, text: string) {
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    logger.warn('live notice that is not JSON', { channel });
    return;
  }
  for (const subscriber of channels().get(channel)?.subscribers ?? []) {
    try {
      subscriber(payload);
    } catch (error) {
      logger.warn('live subscriber failed', { channel, error: String(error) });
    }
  }
}

/**
 * Calls `onPayload` for every notice on `channel` until the returned function is called. Resolves once this
 * instance is listening, so a snapshot read afterwards cannot miss a change made after it.
 */
export async function subscribeLive(channel: string, onPayload: Subscriber): Promise<() => void> {
  if (!channelName.test(channel)) throw new Error(`Bad live channel name ${channel}`);
  const all = channels();
  let entry = all.get(channel);
  if (!entry) {
    entry = { subscribers: new Set(), ready: listenToChannel(channel, (text) => deliver(channel, text)) };
    all.set(channel, entry);
    entry.ready.catch(() => {
      if (all.get(channel) === entry) all.delete(channel);
    });
  }
  entry.subscribers.add(onPayload);
  try {
    await entry.ready;
  } catch (error) {
    entry.subscribers.delete(onPayload);
    throw error;
  }
  const current = entry;
  return () => {
    current.subscribers.delete(onPayload);
    // The LISTEN stays while the process lives: streams come and go, and re-listening each time would cost a
    // round trip per page view. One idle LISTEN per channel costs nothing.
  };
}

/** For tests: how many subscribers a channel has in this process. */
export function liveSubscriberCount(channel: string): number {
  return channels().get(channel)?.subscribers.size ?? 0;
}
