import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, getDb, openDatabase, setDatabaseForTests } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { webhookDeliveries } from '@/db/schema';
import { getConfig, resetConfigForTests } from '@/lib/config';
import { emitEvent } from '@/lib/events/emit-event';
import { createWebhookEndpoint } from '@/lib/webhooks/manage-endpoints';
import { makePartner, systemFor } from '@/test/factories';

/**
 * `npm run worker` as a real process, SIGKILLed while its deliveries are in flight, then a new one started: every
 * event still arrives and is answered 200 exactly once. It runs on a database of its own, because a real worker
 * delivers everything that is due, and the other test files' deliveries are theirs to carry out.
 *
 * PostgreSQL only: two processes cannot share an embedded database.
 */
const adminUrl = process.env.DATABASE_URL;
// Short enough for the test to wait out, long enough that the killed worker's attempts (timed out at half the
// lease) are still in flight when it dies.
const leaseMs = 6_000;

/** A receiver that holds every request until told to answer, and notes the ones whose sender went away. */
async function startHoldingReceiver() {
  const received: { headers: IncomingHttpHeaders; answered: boolean; abandoned: boolean }[] = [];
  const held = new Set<ServerResponse>();
  let holding = true;
  const server = createServer((req, res) => {
    const entry = { headers: req.headers, answered: false, abandoned: false };
    received.push(entry);
    res.on('close', () => {
      if (!entry.answered) entry.abandoned = true;
      held.delete(res);
    });
    req.resume().on('end', () => {
      if (holding) return void held.add(res);
      entry.answered = true;
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    heldCount: () => held.size,
    answerFromNowOn: () => {
      holding = false;
    },
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

/** `npm run worker`, as one process (the tsx command would put the worker in a child that a kill would miss). */
function startWorkerProcess(databaseUrl: string): ChildProcess {
  const config = getConfig();
  return spawn(process.execPath, ['--import', 'tsx', 'lib/jobs/worker-cli.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      ENCRYPTION_KEY: config.encryptionKey.toString('base64'),
      AUTH_SECRET: config.authSecret,
      WORKER_IN_PROCESS: 'false',
      WORKER_POLL_MS: '100',
      WEBHOOK_LEASE_MS: String(leaseMs),
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

describe.skipIf(!adminUrl)('the worker as its own process', () => {
  const databaseName = `switchboard_worker_kill_${randomBytes(4).toString('hex')}`;
  const databaseUrl = (() => {
    if (!adminUrl) return '';
    const url = new URL(adminUrl);
    url.pathname = `/${databaseName}`;
    return url.toString();
  })();
  const admin = adminUrl ? postgres(adminUrl, { max: 1, onnotice: () => {} }) : undefined;

  beforeAll(async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = 'true';
    resetConfigForTests();
    await admin!.unsafe(`CREATE DATABASE "${databaseName}"`);
    // In place of the shared test database that test/setup-database.ts opened for this file.
    await closeDatabase();
    setDatabaseForTests(openDatabase({ url: databaseUrl }));
    await migrateDatabase();
  });

  afterAll(async () => {
    delete process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS;
    resetConfigForTests();
    await closeDatabase();
    await admin!.unsafe(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    await admin!.end();
  });

  it('loses nothing when killed mid-delivery: a restarted worker delivers every event, each answered once', { timeout: 60_000 }, async () => {
    const receiver = await startHoldingReceiver();
    const workers: ChildProcess[] = [];
    try {
      const partner = await makePartner('kill');
      const { endpoint } = await createWebhookEndpoint(systemFor(partner.id), { url: receiver.url, eventTypes: ['*'] });
      const eventIds: string[] = [];
      for (let n = 0; n < 5; n++) eventIds.push((await getDb().transaction((tx) => emitEvent(tx, partner.id, 'client.activated', { n }))).id);

      const first = startWorkerProcess(databaseUrl);
      workers.push(first);
      // The first worker has every delivery in flight, the receiver holding each answer back.
      await expect.poll(receiver.heldCount, { timeout: 30_000, interval: 100 }).toBe(5);
      first.kill('SIGKILL');
      await exited(first);
      await expect.poll(() => receiver.received.filter((request) => request.abandoned).length, { timeout: 5_000 }).toBe(5);
      // It died before it could record any outcome: the rows are still claimed by it, with no attempt written.
      const claimed = await getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
      expect(claimed.map((row) => [row.status, row.attemptCount])).toEqual(Array(5).fill(['delivering', 0]));

      receiver.answerFromNowOn();
      const second = startWorkerProcess(databaseUrl);
      workers.push(second);
      const statuses = async () => (await getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id))).map((row) => row.status);
      await expect.poll(statuses, { timeout: 30_000, interval: 200 }).toEqual(Array(5).fill('succeeded'));

      const answeredIds = receiver.received.filter((request) => request.answered).map((request) => String(request.headers['webhook-id']));
      expect(answeredIds.sort()).toEqual([...eventIds].sort());
    } finally {
      for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGTERM');
      await Promise.all(workers.map(exited));
      await receiver.close();
    }
  });
});
