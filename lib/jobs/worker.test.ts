import { and, eq, inArray } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { apiRequestLog, events, idempotencyKeys, messages, partners, webhookAttempts, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { listPartnerAudit } from '@/lib/audit/list-audit';
import { claimIdempotencyKey, completeIdempotencyKey, idempotencyKeepMs, requestDigest } from '@/lib/api/idempotency';
import { resetConfigForTests } from '@/lib/config';
import { unseal } from '@/lib/crypto/secret-box';
import { emitEvent } from '@/lib/events/emit-event';
import { logger } from '@/lib/log/logger';
import { addTeamMember } from '@/lib/team/add-team-member';
import { ensureSandbox } from '@/lib/partners/sandbox';
import { listDeliveries } from '@/lib/webhooks/deliveries';
import { rotateWebhookSecret } from '@/lib/webhooks/endpoint-secrets';
import { createWebhookEndpoint, deleteWebhookEndpoint, getWebhookEndpoint, updateWebhookEndpoint } from '@/lib/webhooks/manage-endpoints';
import type { Resolver } from '@/lib/webhooks/ssrf-guard';
import { makePartner, makeStaff, systemFor, unique } from '@/test/factories';
import { startReceiver, type Reply } from '@/test/webhook-receiver';
import { claimDueDeliveries } from './claim-deliveries';
import { runHousekeeping } from './housekeeping';
import { disableAfterFailingMs, leaseMs, maxAttempts, retryDelaysMs } from './retry-schedule';
import { runDeliveryBatch, startWorker } from './worker';

// The receivers listen on 127.0.0.1 over http, which only this flag allows (outside production).
beforeAll(() => {
  process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = 'true';
  resetConfigForTests();
});
afterAll(() => {
  delete process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS;
  resetConfigForTests();
});

const receivers: Awaited<ReturnType<typeof startReceiver>>[] = [];
afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

/**
 * A clock the worker schedules by, moved by the test instead of waiting. Whole seconds, like HTTP dates, and a
 * little ahead of the database's clock, so that what was just queued is due.
 */
function testClock() {
  const aheadOfNow = () => Math.ceil(Date.now() / 1000) * 1000 + 1000;
  let ms = aheadOfNow();
  // catchUp: after slow set-up (password hashing on a busy machine), events emitted now must already be due.
  return { now: () => new Date(ms), advance: (by: number) => (ms += by), catchUp: () => (ms = Math.max(ms, aheadOfNow())) };
}

/** A live partner with one endpoint at a fresh local receiver, and a worker limited to that partner. */
async function setup(reply?: (request: { headers: Record<string, unknown>; body: string }, index: number) => Reply, options: { sandbox?: boolean } = {}) {
  const receiver = await startReceiver(reply);
  receivers.push(receiver);
  const live = await makePartner('wkr');
  const partnerId = options.sandbox ? await ensureSandbox(live.id) : live.id;
  const ctx: PartnerCtx = { partnerId, actor: { type: 'api_key', id: 'key_worker_test', partnerId } };
  const { endpoint, secret } = await createWebhookEndpoint(ctx, { url: receiver.url, eventTypes: ['*'] });
  const clock = testClock();
  const run = (extra: Parameters<typeof runDeliveryBatch>[0] = {}) => runDeliveryBatch({ now: clock.now, partnerIds: [partnerId], ...extra });
  const emit = (data: Record<string, unknown> = {}) => getDb().transaction((tx) => emitEvent(tx, partnerId, 'client.activated', data));
  const deliveries = async () => getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
  return { receiver, ctx, partnerId, livePartnerId: live.id, endpoint, secret, clock, run, emit, deliveries };
}

describe('the delivery worker', () => {
  it('retries a 500 after 5 s, stops after the 200, and sends the same signed event both times', async () => {
    const t = await setup((_, n) => (n === 0 ? { status: 500, body: 'try later' } : { status: 200, body: 'thanks' }));
    const event = await t.emit({ client: { id: 'cli_1' } });
    const started = t.clock.now();

    expect(await t.run()).toBe(1);
    expect(t.receiver.received).toHaveLength(1);
    let [delivery] = await t.deliveries();
    expect(delivery).toMatchObject({ status: 'pending', attemptCount: 1, lastResponseStatus: 500, leaseUntil: null });
    expect(delivery!.nextAttemptAt).toEqual(new Date(started.getTime() + retryDelaysMs[0]));
    expect((await getWebhookEndpoint(t.ctx, t.endpoint.id)).failingSince).toEqual(started);

    t.clock.advance(4000);
    expect(await t.run()).toBe(0);
    t.clock.advance(1000);
    expect(await t.run()).toBe(1);
    t.clock.advance(2 * 86_400_000);
    expect(await t.run()).toBe(0);

    expect(t.receiver.received).toHaveLength(2);
    [delivery] = await t.deliveries();
    expect(delivery).toMatchObject({ status: 'succeeded', attemptCount: 2, lastResponseStatus: 200, lastError: null });
    expect((await getWebhookEndpoint(t.ctx, t.endpoint.id)).failingSince).toBeNull();

    for (const request of t.receiver.received) {
      expect(request.headers['webhook-id']).toBe(event.id);
      expect(request.headers['content-type']).toBe('application/json');
      expect(new Webhook(t.secret).verify(request.body, request.headers as Record<string, string>)).toMatchObject({ id: event.id, type: 'client.activated', data: { client: { id: 'cli_1' } } });
    }
    expect(t.receiver.received[0]!.body).toBe(t.receiver.received[1]!.body);

    const [listed] = (await listDeliveries(t.ctx, t.endpoint.id)).data;
    expect(listed!.event).toMatchObject({ id: event.id, type: 'client.activated' });
    expect(listed!.attempts).toMatchObject([
      { succeeded: false, responseStatus: 500, responseBodyExcerpt: 'try later', error: null, attemptedAt: started },
      { succeeded: true, responseStatus: 200, responseBodyExcerpt: 'thanks', error: null },
    ]);
    expect(listed!.attempts[0]!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('honours Retry-After in seconds and as an HTTP date when it asks for longer than the schedule', async () => {
    const clock = testClock();
    const t = await setup((_, n) =>
      n === 0 ? { status: 503, headers: { 'Retry-After': '3600' } } : n === 1 ? { status: 429, headers: { 'Retry-After': new Date(clock.now().getTime() + 2 * 3_600_000).toUTCString() } } : { status: 200 },
    );
    const run = () => t.run({ now: clock.now });
    await t.emit();
    const start = clock.now().getTime();

    await run();
    expect((await t.deliveries())[0]!.nextAttemptAt).toEqual(new Date(start + 3_600_000));
    clock.advance(5000);
    expect(await run()).toBe(0);
    clock.advance(3_600_000 - 5000);
    expect(await run()).toBe(1);
    expect((await t.deliveries())[0]!.nextAttemptAt).toEqual(new Date(start + 3 * 3_600_000));
    clock.advance(2 * 3_600_000 - 1000);
    expect(await run()).toBe(0);
    clock.advance(1000);
    await run();
    expect(t.receiver.received).toHaveLength(3);
    expect((await t.deliveries())[0]).toMatchObject({ status: 'succeeded', attemptCount: 3 });
  });

  it('gives up after the last attempt of the schedule', async () => {
    const t = await setup(() => ({ status: 500 }));
    await t.emit();
    await t.run();
    for (const delay of retryDelaysMs) {
      t.clock.advance(delay);
      expect(await t.run()).toBe(1);
    }
    t.clock.advance(7 * 86_400_000);
    expect(await t.run()).toBe(0);
    expect(t.receiver.received).toHaveLength(maxAttempts);
    expect((await t.deliveries())[0]).toMatchObject({ status: 'failed', attemptCount: 10, lastResponseStatus: 500 });
  });

  it('disables the endpoint on 410 Gone, fails what was pending for it, and queues nothing more', async () => {
    const t = await setup(() => ({ status: 410 }));
    await t.emit();
    await t.emit();
    expect(await t.run({ batchSize: 1 })).toBe(1);
    expect(await t.run()).toBe(1);

    const endpoint = await getWebhookEndpoint(t.ctx, t.endpoint.id);
    expect(endpoint).toMatchObject({ status: 'disabled', disabledReason: expect.stringMatching(/410 Gone/) });
    const [audit] = await listPartnerAudit(t.ctx, { targetId: t.endpoint.id });
    expect(audit).toMatchObject({ action: 'webhook_endpoint.disabled', actorType: 'system' });

    const deliveries = await t.deliveries();
    expect(deliveries.map((d) => [d.status, d.lastError])).toEqual(
      expect.arrayContaining([
        ['failed', null],
        ['failed', 'The endpoint is disabled.'],
      ]),
    );
    expect(t.receiver.received).toHaveLength(1);
    await t.emit();
    expect(await t.deliveries()).toHaveLength(2);
  });

  it('disables an endpoint that has failed without a success for 5 days, with a notice', async () => {
    const t = await setup(() => ({ status: 502 }));
    await t.emit();
    await t.run();
    const since = t.clock.now();
    t.clock.advance(disableAfterFailingMs - 60_000);
    await t.emit();
    await t.run();
    expect((await getWebhookEndpoint(t.ctx, t.endpoint.id)).status).toBe('enabled');

    t.clock.advance(60_000);
    await t.emit();
    await t.run();
    const endpoint = await getWebhookEndpoint(t.ctx, t.endpoint.id);
    expect(endpoint).toMatchObject({ status: 'disabled', failingSince: since, disabledReason: expect.stringMatching(/failed without a single success/) });
    expect((await listPartnerAudit(t.ctx, { targetId: t.endpoint.id }))[0]).toMatchObject({ action: 'webhook_endpoint.disabled', actorType: 'system' });

    // Enabling it again starts a fresh five days.
    await updateWebhookEndpoint(t.ctx, t.endpoint.id, { status: 'enabled' });
    expect(await getWebhookEndpoint(t.ctx, t.endpoint.id)).toMatchObject({ status: 'enabled', failingSince: null, disabledReason: null });
  });

  it('records a timeout, and keeps only the first 2 KB of an answer', async () => {
    const t = await setup((_, n) => (n === 0 ? { status: 200, delayMs: 2000 } : { status: 500, body: 'x'.repeat(10_000) }));
    await t.emit();
    await t.run({ timeoutMs: 200 });
    let [delivery] = await t.deliveries();
    expect(delivery).toMatchObject({ status: 'pending', lastResponseStatus: null, lastError: 'No response within 0.2 s.' });
    t.clock.advance(retryDelaysMs[0]);
    await t.run();
    [delivery] = await t.deliveries();
    const attempts = await getDb().select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, delivery!.id));
    expect(attempts.map((a) => a.responseBodyExcerpt?.length ?? null).sort()).toEqual([2048, null]);
  });

  it('refuses private targets for a live partner once the flag is off, without sending anything', async () => {
    const t = await setup();
    const internal = await createWebhookEndpoint(t.ctx, { url: 'https://internal.example.com/hook', eventTypes: ['*'] });
    await t.emit();
    process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = 'false';
    resetConfigForTests();
    try {
      const privateDns: Resolver = async () => [{ address: '10.0.0.1', family: 4 }];
      await t.run({ resolve: privateDns });
    } finally {
      process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = 'true';
      resetConfigForTests();
    }
    expect(t.receiver.received).toHaveLength(0);
    const errors = await getDb()
      .select({ endpointId: webhookDeliveries.endpointId, status: webhookDeliveries.status, lastError: webhookDeliveries.lastError })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.partnerId, t.partnerId));
    expect(errors).toEqual(
      expect.arrayContaining([
        { endpointId: t.endpoint.id, status: 'pending', lastError: 'Refused: Only https:// URLs are allowed.' },
        { endpointId: internal.endpoint.id, status: 'pending', lastError: 'Refused: internal.example.com (10.0.0.1): private addresses cannot receive webhooks; use a public internet address.' },
      ]),
    );
  });

  it('delivers to a sandbox’s local endpoint when the flag allows it', async () => {
    const t = await setup(() => ({ status: 204 }), { sandbox: true });
    await t.emit();
    await t.run();
    expect(t.receiver.received).toHaveLength(1);
    expect((await t.deliveries())[0]!.status).toBe('succeeded');
  });

  it('loses nothing when a worker dies mid-delivery: its lease runs out and another delivers', async () => {
    const t = await setup();
    for (let i = 0; i < 5; i++) await t.emit({ n: i });

    // A worker claims everything, then is killed before sending any of it.
    const abandoned = await claimDueDeliveries({ now: t.clock.now(), limit: 10, leaseMs, partnerIds: [t.partnerId] });
    expect(abandoned).toHaveLength(5);
    expect((await t.deliveries()).every((d) => d.status === 'delivering')).toBe(true);

    expect(await t.run()).toBe(0);
    t.clock.advance(leaseMs - 1000);
    expect(await t.run()).toBe(0);
    t.clock.advance(2000);
    expect(await t.run()).toBe(5);

    expect(Object.values(t.receiver.countsById())).toEqual([1, 1, 1, 1, 1]);
    expect((await t.deliveries()).map((d) => d.status)).toEqual(Array(5).fill('succeeded'));
  });

  it('lets a worker that overran its lease neither send again nor overwrite the outcome', async () => {
    const t = await setup();
    await t.emit();
    const stale = await claimDueDeliveries({ now: t.clock.now(), limit: 10, leaseMs, partnerIds: [t.partnerId] });
    t.clock.advance(leaseMs + 1000);
    expect(await t.run()).toBe(1);

    const { deliverClaimed } = await import('./deliver-webhook');
    await deliverClaimed(stale, { now: t.clock.now, timeoutMs: 5000 });
    expect(t.receiver.received).toHaveLength(1);
    expect((await t.deliveries())[0]).toMatchObject({ status: 'succeeded', attemptCount: 1 });
  });

  it('copes with the endpoint being deleted while a delivery to it is in flight', async () => {
    const t = await setup(() => ({ status: 200, delayMs: 300 }));
    await t.emit();
    const errors = vi.spyOn(logger, 'error');
    const running = t.run();
    await vi.waitFor(() => expect(t.receiver.received).toHaveLength(1));
    await deleteWebhookEndpoint(t.ctx, t.endpoint.id);
    expect(await running).toBe(1);
    expect(errors).not.toHaveBeenCalled();
    expect(await t.deliveries()).toEqual([]);
  });

  it('runs as several concurrent workers without delivering anything twice', async () => {
    const t = await setup(() => ({ status: 200, delayMs: 5 }));
    const count = 24;
    for (let i = 0; i < count; i++) await t.emit({ n: i });

    const options = { now: t.clock.now, partnerIds: [t.partnerId], batchSize: 3, intervalMs: 10, housekeepingIntervalMs: 3_600_000 };
    const stops = [startWorker(options), startWorker(options)];
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const done = (await t.deliveries()).filter((d) => d.status === 'succeeded').length;
      if (done === count) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await Promise.all(stops.map((stop) => stop()));

    const counts = t.receiver.countsById();
    expect(Object.keys(counts)).toHaveLength(count);
    expect(Object.values(counts).every((n) => n === 1)).toBe(true);
    expect((await t.deliveries()).every((d) => d.status === 'succeeded' && d.attemptCount === 1)).toBe(true);
  });

  it('shares the work between workers claiming at the same moment', async () => {
    const t = await setup(() => ({ status: 200, delayMs: 20 }));
    const count = 18;
    for (let i = 0; i < count; i++) await t.emit({ n: i });

    const drain = async () => {
      let claimed = 0;
      for (let n = await t.run({ batchSize: 3 }); n > 0; n = await t.run({ batchSize: 3 })) claimed += n;
      return claimed;
    };
    const [first, second] = await Promise.all([drain(), drain()]);
    expect(first + second).toBe(count);
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(0);
    expect(Object.values(t.receiver.countsById())).toEqual(Array(count).fill(1));
  });

  it('signs with both secrets for 24 hours after a rotation, then with the new one only', async () => {
    const t = await setup();
    const { secret: rotated } = await rotateWebhookSecret(t.ctx, t.endpoint.id);
    await t.emit();
    await t.run();

    t.clock.advance(25 * 3_600_000);
    await t.emit();
    await t.run();

    const [during, after] = t.receiver.received;
    const verify = (secret: string, request: typeof during) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Number(request!.headers['webhook-timestamp']) * 1000);
      try {
        return new Webhook(secret).verify(request!.body, request!.headers as Record<string, string>);
      } finally {
        vi.useRealTimers();
      }
    };
    expect(String(during!.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(() => verify(t.secret, during)).not.toThrow();
    expect(() => verify(rotated, during)).not.toThrow();

    expect(String(after!.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(() => verify(rotated, after)).not.toThrow();
    expect(() => verify(t.secret, after)).toThrow();
  });
});

describe('an endpoint the worker disables', () => {
  /** The partner's second endpoint, subscribed to everything, which hears about the first being disabled. */
  async function watcher(ctx: PartnerCtx) {
    const receiver = await startReceiver();
    receivers.push(receiver);
    const { endpoint } = await createWebhookEndpoint(ctx, { url: receiver.url, eventTypes: ['webhook_endpoint.disabled'] });
    return { receiver, endpoint };
  }

  async function mailsOf(partnerId: string) {
    const rows = await getDb().select().from(messages).where(and(eq(messages.partnerId, partnerId), eq(messages.template, 'webhook_endpoint_disabled')));
    return rows.map((row) => ({ ...row, body: JSON.parse(unseal(row.sealedBody!)) as { html: string; text: string } }));
  }

  it('on 410 Gone, announces it to the other endpoints and e-mails the owners and admins, without secrets', async () => {
    const t = await setup(() => ({ status: 410 }));
    const owner = await makeStaff(t.partnerId, 'owner');
    const admin = await makeStaff(t.partnerId, 'admin');
    await makeStaff(t.partnerId, 'member');
    await addTeamMember(systemFor(t.partnerId), { email: `invited-${unique()}@example.com`, name: 'Not yet signed up', role: 'admin', delivery: 'invite' });
    const other = await watcher(t.ctx);
    // A token in the URL, in its query or its path, is as secret as the signing secret: it must not travel in
    // the event or the e-mail.
    await updateWebhookEndpoint(t.ctx, t.endpoint.id, { url: `${t.receiver.url}/T1/B2/s3cret-path?token=s3cret-token` });
    const shown = `${new URL(t.receiver.url).origin}/…`;

    t.clock.catchUp();
    await t.emit();
    await t.run();
    expect((await getWebhookEndpoint(t.ctx, t.endpoint.id)).status).toBe('disabled');
    t.clock.advance(1000);
    await runDeliveryBatch({ now: t.clock.now, partnerIds: [t.partnerId] });

    expect(t.receiver.received).toHaveLength(1);
    expect(other.receiver.received).toHaveLength(1);
    const announced = JSON.parse(other.receiver.received[0]!.body) as { type: string; data: Record<string, unknown> };
    expect(announced).toMatchObject({
      type: 'webhook_endpoint.disabled',
      data: {
        reason: 'gone',
        webhook_endpoint: { id: t.endpoint.id, url: shown, status: 'disabled', event_types: ['*'], disabled_reason: expect.stringMatching(/410 Gone/), failing_since: null },
      },
    });
    expect(other.receiver.received[0]!.body).not.toMatch(/s3cret-token|s3cret-path|whsec_/);

    const mails = await mailsOf(t.partnerId);
    expect(mails.map((m) => m.recipient).sort()).toEqual([owner.email, admin.email].sort());
    for (const mail of mails) {
      expect(mail.subject).toBe(`Webhook endpoint disabled: ${shown}`);
      expect(mail.body.text).toContain(t.endpoint.id);
      expect(mail.body.text).toMatch(/410 Gone/);
      expect(mail.body.html).toContain(`/developers/webhooks/${t.endpoint.id}`);
      expect(`${mail.subject} ${mail.body.html} ${mail.body.text}`).not.toMatch(/s3cret-token|s3cret-path|whsec_/);
    }
  });

  it('after 5 days of failures, says so, once, in event and e-mail', async () => {
    const t = await setup(() => ({ status: 502 }));
    const owner = await makeStaff(t.partnerId, 'owner');
    await t.emit();
    await t.run();
    t.clock.advance(disableAfterFailingMs);
    await t.emit();
    await t.emit();
    await t.run();
    expect((await getWebhookEndpoint(t.ctx, t.endpoint.id)).status).toBe('disabled');

    const announced = await getDb().select().from(events).where(and(eq(events.partnerId, t.partnerId), eq(events.type, 'webhook_endpoint.disabled')));
    expect(announced).toHaveLength(1);
    expect(announced[0]!.data).toMatchObject({ reason: 'failing', webhook_endpoint: { id: t.endpoint.id, failing_since: expect.any(String), disabled_reason: expect.stringMatching(/5 days/) } });
    // Not to the endpoint that was disabled: nothing was queued for it.
    expect((await t.deliveries()).map((d) => d.eventId)).not.toContain(announced[0]!.id);

    const mails = await mailsOf(t.partnerId);
    expect(mails.map((m) => m.recipient)).toEqual([owner.email]);
    expect(mails[0]!.body.text).toMatch(/failed without a single success/);
  });

  it('in a sandbox, announces it among the sandbox’s endpoints and mails the live partner’s team through the sandbox’s outbox', async () => {
    const t = await setup(() => ({ status: 410 }), { sandbox: true });
    const owner = await makeStaff(t.livePartnerId, 'owner');
    const other = await watcher(t.ctx);
    await t.emit();
    await t.run();
    t.clock.advance(1000);
    await t.run();

    expect(JSON.parse(other.receiver.received[0]!.body)).toMatchObject({ type: 'webhook_endpoint.disabled', data: { webhook_endpoint: { id: t.endpoint.id } } });
    // Queued under the sandbox, so only the simulator carries it, and test mode's outbox shows it.
    expect(await mailsOf(t.livePartnerId)).toEqual([]);
    const [mail] = await mailsOf(t.partnerId);
    expect(mail).toMatchObject({ recipient: owner.email, subject: expect.stringMatching(/^Test-mode webhook endpoint disabled/) });
    expect(mail!.body.text).toMatch(/switch on Test mode/);
    const [live] = await getDb().select({ name: partners.name }).from(partners).where(eq(partners.id, t.livePartnerId));
    expect(mail!.body.html).toContain(live!.name);
  });
});

describe('the worker’s test knobs', () => {
  it('leases for WEBHOOK_LEASE_MS and keeps each attempt to half of it', async () => {
    process.env.WEBHOOK_LEASE_MS = '2000';
    resetConfigForTests();
    try {
      const t = await setup(() => ({ status: 200, delayMs: 1500 }));
      await t.emit();
      const running = t.run();
      await vi.waitFor(() => expect(t.receiver.received).toHaveLength(1));
      expect((await t.deliveries())[0]!.leaseUntil).toEqual(new Date(t.clock.now().getTime() + 2000));
      await running;
      expect((await t.deliveries())[0]).toMatchObject({ status: 'pending', lastError: 'No response within 1 s.' });
    } finally {
      delete process.env.WEBHOOK_LEASE_MS;
      resetConfigForTests();
    }
  });
});

describe('housekeeping', () => {
  it('deletes idempotency keys once their 24 hours are over, and keeps the others', async () => {
    const t = await setup();
    const start = new Date();
    const claimAt = async (at: Date) => {
      const key = `key-${unique()}`;
      const claimed = await claimIdempotencyKey({ partnerId: t.partnerId, key, method: 'POST', path: '/api/v1/things', digest: requestDigest('POST', '/api/v1/things', '{}') }, at);
      await completeIdempotencyKey(claimed.lock!, { status: 201, body: {} });
      return key;
    };
    await claimAt(new Date(start.getTime() - idempotencyKeepMs - 1000));
    const fresh = await claimAt(new Date(start.getTime() - idempotencyKeepMs + 60_000));

    await runHousekeeping(start);

    const kept = await getDb().select({ key: idempotencyKeys.key }).from(idempotencyKeys).where(eq(idempotencyKeys.partnerId, t.partnerId));
    expect(kept).toEqual([{ key: fresh }]);
  });


  it('deletes events after 30 days with their deliveries, and request log lines after 7 days', async () => {
    const t = await setup();
    const now = new Date();
    const day = 86_400_000;
    const [old] = await getDb().insert(events).values({ partnerId: t.partnerId, type: 'client.activated', data: {}, createdAt: new Date(now.getTime() - 31 * day) }).returning();
    await getDb().insert(webhookDeliveries).values({ partnerId: t.partnerId, endpointId: t.endpoint.id, eventId: old!.id, status: 'failed' });
    const recent = await t.emit();
    const logs = await getDb()
      .insert(apiRequestLog)
      .values([8, 6].map((age) => ({ partnerId: t.partnerId, method: 'GET', path: '/api/v1/events', status: 200, durationMs: 3, requestId: `req_${age}`, createdAt: new Date(now.getTime() - age * day) })))
      .returning({ id: apiRequestLog.id });

    await runHousekeeping(now);

    expect((await getDb().select({ id: events.id }).from(events).where(eq(events.partnerId, t.partnerId))).map((e) => e.id)).toEqual([recent.id]);
    expect((await t.deliveries()).map((d) => d.eventId)).toEqual([recent.id]);
    const kept = await getDb().select({ requestId: apiRequestLog.requestId }).from(apiRequestLog).where(inArray(apiRequestLog.id, logs.map((l) => l.id)));
    expect(kept).toEqual([{ requestId: 'req_6' }]);
    expect(await getDb().select().from(webhookEndpoints).where(and(eq(webhookEndpoints.id, t.endpoint.id)))).toHaveLength(1);
  });
});
