import { closeSync, linkSync, openSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * PGlite has no lock of its own, and two processes on one folder silently lose writes. So whoever opens an
 * embedded database folder first leaves `switchboard.lock` in it, naming its pid; anyone else is refused while
 * that process lives.
 *
 * A pid file rather than `proper-lockfile`: that library decides staleness by the age of a lock it keeps
 * touching on a timer, so after a crash (or Ctrl+C of `next dev`, which skips exit handlers) the folder stays
 * locked until the timeout passes, it cannot say *who* holds the lock, and it refuses a second lock from the
 * same process. Here a lock whose pid is gone is taken over at once, the refusal names the other process, and
 * the process that holds the lock may open the folder again (Next loads the database module more than once).
 */

export const lockFileName = 'switchboard.lock';

type Holder = { pid: number; hostname: string; command: string; since: string };

export class DatabaseLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly holder: Holder,
  ) {
    const dir = path.dirname(lockFile);
    const who =
      holder.hostname === os.hostname()
        ? `process ${holder.pid} (${holder.command}), since ${holder.since}`
        : `process ${holder.pid} on another machine, ${holder.hostname} (${holder.command}), since ${holder.since}`;
    super(
      [
        `The embedded database in ${dir} is in use by ${who}.`,
        'An embedded (PGlite) database can be opened by one process at a time: two would silently lose writes.',
        'Stop that process first (e.g. the running `npm run dev` or `npm start` server) and try again,',
        'or point every process at one PostgreSQL server with DATABASE_URL.',
        `If that process is not Switchboard's, delete ${lockFile}.`,
      ].join('\n'),
    );
    this.name = 'DatabaseLockedError';
  }
}

// Per process, for every copy of this module Next loads: how many open handles share each lock.
const heldKey = Symbol.for('switchboard.pglite-locks');
type GlobalWithLocks = typeof globalThis & { [heldKey]?: Map<string, number> };

function held(): Map<string, number> {
  const g = globalThis as GlobalWithLocks;
  if (!g[heldKey]) {
    g[heldKey] = new Map();
    // A clean exit leaves no lock behind. A kill does, but its pid is then dead and the next opener takes over.
    process.once('exit', () => {
      for (const file of g[heldKey]!.keys()) removeIfOurs(file);
    });
  }
  return g[heldKey];
}

/**
 * Takes the lock of an embedded database folder (which must exist) for this process, or throws a
 * DatabaseLockedError naming the live process that has it. Returns the release function.
 */
export function lockDatabaseFolder(dir: string): () => void {
  const file = path.join(path.resolve(/* turbopackIgnore: true */ dir), lockFileName);
  const locks = held();
  if (!locks.has(file)) acquire(file);
  locks.set(file, (locks.get(file) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (locks.get(file) ?? 1) - 1;
    if (left > 0) return void locks.set(file, left);
    locks.delete(file);
    removeIfOurs(file);
  };
}

function acquire(file: string): void {
  const me: Holder = { pid: process.pid, hostname: os.hostname(), command: describeProcess(), since: new Date().toISOString() };
  // A few rounds: each lost race (another process creating or taking over the lock meanwhile) starts again.
  for (let round = 0; round < 20; round++) {
    if (create(file, me)) return;
    const holder = readHolder(file);
    if (holder === undefined) continue; // removed meanwhile
    if (holder && holder.hostname === me.hostname && holder.pid === me.pid) return; // ours, from an earlier open
    // Another machine's pid cannot be checked from here (a folder on a shared disk): treat it as live.
    if (holder && (holder.hostname !== me.hostname || isAlive(holder.pid))) throw new DatabaseLockedError(file, holder);
    takeOver(file, holder);
  }
  throw new Error(`Could not take the lock ${file}: other processes keep changing it.`);
}

/** What the refusal tells the other process about this one. Never its arguments: they may carry a --password. */
function describeProcess(): string {
  const { npm_command: npmCommand, npm_lifecycle_event: script } = process.env;
  // npm 11 says `run`, older versions `run-script`; `npx` is `exec`, whose script name is just "npx".
  if ((npmCommand === 'run' || npmCommand === 'run-script') && script) return `npm run ${script}`;
  // Next names its server process ("next-server (v16…)"); plain Node scripts are named by their file.
  if (process.title && !/^node(\.exe)?$/i.test(path.basename(process.title))) return process.title;
  return process.argv[1] ? path.relative(process.cwd(), process.argv[1]) : 'node';
}

/** Creates the lock only if there is none. Linking a complete temporary file means nobody ever reads it half-written. */
function create(file: string, me: Holder): boolean {
  const temporary = `${file}.${me.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(me)}\n`);
  try {
    linkSync(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temporary);
  }
}

/** The holder named by the lock; null when it is unreadable (so nobody's), undefined when it is gone. */
function readHolder(file: string): Holder | null | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const holder = JSON.parse(text) as Partial<Holder>;
    if (Number.isInteger(holder.pid) && typeof holder.hostname === 'string') return { command: 'unknown', since: 'unknown', ...holder } as Holder;
  } catch {
    // fall through: not a lock this code wrote
  }
  return null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes a stale lock, under a short-lived guard file so that two processes taking over the same stale lock at
 * once cannot each delete the other's fresh one.
 */
function takeOver(file: string, stale: Holder | null): void {
  const guard = `${file}.takeover`;
  let fd: number;
  try {
    fd = openSync(guard, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Someone else is taking over right now; a guard left by a process that died mid-way is cleared.
    if (ageMs(guard) > 10_000) unlinkQuietly(guard);
    sleep(25);
    return;
  }
  try {
    const current = readHolder(file);
    const unchanged = current === null ? stale === null : current !== undefined && stale !== null && current.pid === stale.pid && current.since === stale.since;
    if (unchanged) unlinkQuietly(file);
  } finally {
    closeSync(fd);
    unlinkQuietly(guard);
  }
}

function removeIfOurs(file: string): void {
  const holder = readHolder(file);
  if (holder && holder.pid === process.pid && holder.hostname === os.hostname()) unlinkQuietly(file);
}

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
