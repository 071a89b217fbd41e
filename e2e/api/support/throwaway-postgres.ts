import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * A PostgreSQL cluster of a test's own, to stop and start at will without touching the server every other test
 * uses. As root (CI) it runs as an unprivileged user, since PostgreSQL refuses root, like .ci/run does.
 */
export const postgresBin = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';
export const canRunPostgres = existsSync(path.join(postgresBin, 'pg_ctl'));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function hasUser(name: string): boolean {
  try {
    execFileSync('id', ['-u', name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function unprivilegedUser(): string | null {
  if (process.getuid?.() !== 0) return null;
  for (const name of ['switchboard-ci', 'postgres']) if (hasUser(name)) return name;
  execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'switchboard-ci']);
  return 'switchboard-ci';
}

const runFile = promisify(execFile);

export class ThrowawayPostgres {
  private constructor(
    readonly root: string,
    readonly port: number,
    private readonly user: string | null,
  ) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/switchboard_outage`;
  }

  static async create(): Promise<ThrowawayPostgres> {
    const user = unprivilegedUser();
    const root = mkdtempSync(path.join(os.tmpdir(), 'switchboard-outage-pg-'));
    if (user) execFileSync('chown', [user, root]);
    chmodSync(root, 0o755);
    const cluster = new ThrowawayPostgres(root, await freePort(), user);
    await cluster.run('initdb', ['-D', path.join(root, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
    await cluster.start();
    await cluster.run('createdb', ['-h', '127.0.0.1', '-p', String(cluster.port), '-U', 'postgres', 'switchboard_outage']);
    return cluster;
  }

  /**
   * Asynchronous on purpose: a test that times requests while PostgreSQL stops or starts must keep its own event
   * loop free, or the wait it measures is its own.
   */
  private async run(tool: string, args: string[]) {
    const command = path.join(postgresBin, tool);
    if (this.user) await runFile('runuser', ['-u', this.user, '--', command, ...args]);
    else await runFile(command, args);
  }

  async start() {
    const options = `-k ${this.root} -c listen_addresses=127.0.0.1 -p ${this.port} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    await this.run('pg_ctl', ['-D', path.join(this.root, 'data'), '-l', path.join(this.root, 'server.log'), '-w', '-o', options, 'start']);
  }

  /** Fast shutdown: sessions are cut off, as in a failover or a crash of the host. */
  async stop() {
    await this.run('pg_ctl', ['-D', path.join(this.root, 'data'), '-m', 'fast', '-w', 'stop']);
  }

  async destroy() {
    try {
      await this.run('pg_ctl', ['-D', path.join(this.root, 'data'), '-m', 'immediate', 'stop']);
    } catch {
      // already stopped
    }
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** `next start` of the built app on a port of its own, against the given database. */
export async function startAppServer(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const server = spawn('npx', ['next', 'start', '-p', String(port)], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server stopped: ${output}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/ready`)).status === 200) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not get ready: ${output}`);
}

export function stopAppServer(server: ChildProcess) {
  if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
}
