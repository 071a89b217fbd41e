import postgres from 'postgres';
import { isDatabaseUnavailable } from '@/lib/errors/postgres';

/**
 * Whether PostgreSQL answers, known without asking it on each request. While it is away every request would
 * otherwise wait on a connection that is not coming and then fail as a 500; with this, the request gate answers
 * 503 at once and the REST chassis maps what slipped through to 503 too. A probe on a connection of its own
 * (so a busy pool never looks like an outage) asks once a second while the database is up and twice a second
 * while it is down, so the server notices the return within a second, by itself.
 */

type State = { available: boolean; since: number; url?: string; probe?: ReturnType<typeof postgres>; timer?: NodeJS.Timeout; checking?: Promise<boolean> };
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

/**
 * Called with any error a request met: a connection failure has the probe ask at once rather than at its next
 * tick. The probe decides, not the error: a connection broken before PostgreSQL came back must not mark it away.
 */
export function noteDatabaseError(error: unknown): void {
  const current = state();
  if (!current.probe || !isDatabaseUnavailable(error) || current.checking) return;
  current.checking = checkDatabaseNow().finally(() => (current.checking = undefined));
}

const newProbe = (url: string) => postgres(url, { max: 1, connect_timeout: databaseConnectTimeoutSeconds, idle_timeout: 0, onnotice: () => {} });

async function probeOnce(): Promise<boolean> {
  const current = state();
  const probe = current.probe;
  if (!probe || !current.url) return true;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([probe`select 1`, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('probe timed out')), probeTimeoutMs)))]);
    return true;
  } catch {
    // A failed probe's connection may be half-open or its queue stuck behind a query that never ends: the next
    // probe starts from a new one.
    if (current.probe === probe) current.probe = newProbe(current.url);
    void probe.end({ timeout: 0 }).catch(() => {});
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
  current.url = url;
  current.probe = newProbe(url);
  const tick = async () => {
    mark(await probeOnce());
    current.timer = setTimeout(tick, current.available ? 1000 : 500);
    current.timer.unref();
  };
  current.timer = setTimeout(tick, 1000);
  current.timer.unref();
}
