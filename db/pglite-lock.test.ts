import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './index';
import { DatabaseLockedError, lockDatabaseFolder, lockFileName } from './pglite-lock';

const lockModule = pathToFileURL(path.join(__dirname, 'pglite-lock.ts')).href;

/** Another Node process that takes the folder's lock, says so, and holds it until it is killed (or told to exit). */
async function holderProcess(dir: string): Promise<ChildProcess> {
  const script = `
    const { lockDatabaseFolder } = await import(${JSON.stringify(lockModule)});
    lockDatabaseFolder(${JSON.stringify(dir)});
    process.stdout.write('locked\\n');
    process.stdin.on('data', () => process.exit(0));
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, npm_command: 'run', npm_lifecycle_event: 'dev' } });
  children.push(child);
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  expect(chunk.toString()).toBe('locked\n');
  return child;
}

const children: ChildProcess[] = [];
const folders: string[] = [];

function tempFolder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pglite-lock-'));
  folders.push(dir);
  return dir;
}

function refusal(dir: string): DatabaseLockedError {
  try {
    lockDatabaseFolder(dir)();
  } catch (error) {
    expect(error).toBeInstanceOf(DatabaseLockedError);
    return error as DatabaseLockedError;
  }
  throw new Error('expected the folder to be refused');
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('lockDatabaseFolder', () => {
  it('refuses a folder a live process holds, naming it and saying what to do, and takes it over once that process is gone', async () => {
    const dir = tempFolder();
    const child = await holderProcess(dir);

    const error = refusal(dir);
    expect(error.holder.pid).toBe(child.pid);
    expect(error.message).toContain(`The embedded database in ${dir} is in use by process ${child.pid} (npm run dev)`);
    expect(error.message).toContain('Stop that process first');
    expect(error.message).toContain('DATABASE_URL');
    // Refused before PGlite is opened, through the one place that opens it.
    expect(() => openDatabase({ pgliteDir: dir })).toThrow(DatabaseLockedError);

    // Killed outright, it leaves its lock behind with a dead pid: that lock is stale and taken over.
    child.kill('SIGKILL');
    await once(child, 'exit');
    expect(existsSync(path.join(dir, lockFileName))).toBe(true);
    const release = lockDatabaseFolder(dir);
    expect(JSON.parse(readFileSync(path.join(dir, lockFileName), 'utf8')).pid).toBe(process.pid);
    release();
    expect(existsSync(path.join(dir, lockFileName))).toBe(false);
  });

  it('removes its lock when the process exits normally', async () => {
    const dir = tempFolder();
    const child = await holderProcess(dir);
    child.stdin!.write('exit\n');
    await once(child, 'exit');
    expect(existsSync(path.join(dir, lockFileName))).toBe(false);
  });

  it('lets the process that holds the lock open the folder again, and releases it with the last handle', () => {
    const dir = tempFolder();
    const first = lockDatabaseFolder(dir);
    const second = lockDatabaseFolder(dir);
    first();
    first(); // releasing twice counts once
    expect(existsSync(path.join(dir, lockFileName))).toBe(true);
    second();
    expect(existsSync(path.join(dir, lockFileName))).toBe(false);
  });

  it('takes over a lock it cannot read, and treats another machine’s lock as held', () => {
    const dir = tempFolder();
    const file = path.join(dir, lockFileName);
    writeFileSync(file, 'not a lock');
    lockDatabaseFolder(dir)();

    writeFileSync(file, JSON.stringify({ pid: process.pid, hostname: 'elsewhere.example', command: 'npm run dev', since: '2025-01-01T00:00:00.000Z' }));
    expect(refusal(dir).message).toContain('on another machine, elsewhere.example');
  });
});
