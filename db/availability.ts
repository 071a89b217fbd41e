import postgres from 'postgres';
import { isDatabaseUnavailable } from '@/lib/errors/postgres';

/**
 * Whether PostgreSQL answers, known without asking it on each request. While it is away every request would
 * otherwise wait on a connection that is not coming and then fail as a 500; with this, the request gate answers
 * 503 at once and the REST chassis maps what slipped through to 503 too. A probe on a connection of its own
 * (so a busy pool never looks like an outage) asks once a second while the database is up and twice a second
 * while it is down, so the server notices the return within a second, by itself.
 */

type State = { available: boolean; since: number; probe?: ReturnType<typeof postgres>; timer?: NodeJS.Timeout };
const stateKey = Symbol.for('switchboard.databaseAvailability');
const state = (): State => ((globalThis as typeof globalThis & { [stateKey]?: State })[stateKey] ??= { available: true, since: Date.now() });

/** How long a connection attempt or the probe may take before the database counts as unavailable. */
export const databaseConnectTimeoutSeconds = 2;
const probeTimeoutMs = 1500;

export function databaseAvailable(): boolean {
  return state().available;
}

function mark(available: boolean) {
  const current = state();
  if (current.available === available) return;
  current.available = available;
  current.since = Date.now();
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: available ? 'info' : 'error', message: available ? 'database available again' : 'database unavailable' })}\n`);
}

/** Called with any error a request met: a connection failure marks the database away before the next probe. */
export function noteDatabaseError(error: unknown): void {
  if (state().probe && isDatabaseUnavailable(error)) mark(false);
}

async function probeOnce(): Promise<boolean> {
  const probe = state().probe;
  if (!probe) return true;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([probe`select 1`, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('probe timed out')), probeTimeoutMs)))]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Asks PostgreSQL now (for /api/ready), and records the answer. */
export async function checkDatabaseNow(): Promise<boolean> {
  const ok = await probeOnce();
  mark(ok);
  return ok;
}

/** Starts the probe for a PostgreSQL server; an embedded database lives in this process and cannot go away. */
export function watchDatabase(url: string): void {
  const current = state();
  if (current.probe) return;
  current.probe = postgres(url, { max: 1, connect_timeout: databaseConnectTimeoutSeconds, idle_timeout: 0, onnotice: () => {} });
  const tick = async () => {
    mark(await probeOnce());
    current.timer = setTimeout(tick, current.available ? 1000 : 500);
    current.timer.unref();
  };
  current.timer = setTimeout(tick, 1000);
  current.timer.unref();
}
