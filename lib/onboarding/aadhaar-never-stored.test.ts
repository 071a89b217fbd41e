import { createHash, randomInt, randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as acceptRoute from '@/app/api/v1/registrations/[registration_id]/accept/route';
import * as aadhaarOtpRoute from '@/app/api/v1/registrations/[registration_id]/aadhaar/otp/route';
import * as aadhaarVerifyRoute from '@/app/api/v1/registrations/[registration_id]/aadhaar/verify/route';
import * as gstRoute from '@/app/api/v1/registrations/[registration_id]/gst/route';
import * as panRoute from '@/app/api/v1/registrations/[registration_id]/pan/route';
import * as registrationRoute from '@/app/api/v1/registrations/[registration_id]/route';
import * as verifyOtpRoute from '@/app/api/v1/registrations/[registration_id]/verify_otp/route';
import * as registrationsRoute from '@/app/api/v1/registrations/route';
import { getDb } from '@/db';
import { events, webhookAttempts, webhookDeliveries } from '@/db/schema';
import { createApiKey } from '@/lib/api-keys/manage-api-keys';
import { flushApiRequests } from '@/lib/api/request-log';
import { systemCtx } from '@/lib/audit/context';
import { resetConfigForTests } from '@/lib/config';
import { runDeliveryBatch } from '@/lib/jobs/worker';
import { verhoeffCheckDigit } from '@/lib/kyc/validators/aadhaar';
import { gstinCheckCharacter } from '@/lib/kyc/validators/gstin';
import { listOutboxForOperator } from '@/lib/messages/list-outbox';
import { ensureSandbox } from '@/lib/partners/sandbox';
import { sandboxAadhaarOtp } from '@/lib/providers/kyc/kyc-simulator';
import { createWebhookEndpoint } from '@/lib/webhooks/manage-endpoints';
import { makePartner, systemFor, unique, uniqueEmail } from '@/test/factories';
import { startReceiver } from '@/test/webhook-receiver';
import { sandboxOtp } from './otp';

/**
 * The promise the architecture makes: an Aadhaar number is never stored whole. A full KYC journey runs through
 * the REST API (as a partner's system would), with debug logging and a webhook endpoint receiving every event;
 * then every text-like column of every table, the outbox with its unsealed bodies, the webhook payloads, the
 * API's answers and all log output are searched for the number, written any way a person might type it, and
 * for unkeyed hashes of it: twelve digits are only 10^12 guesses, so a plain digest (even a truncated one)
 * gives the whole number back to anyone who reads it.
 */

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const env = { LOG_LEVEL: process.env.LOG_LEVEL, WEBHOOK_ALLOW_PRIVATE_TARGETS: process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS };
beforeAll(() => {
  process.env.LOG_LEVEL = 'debug';
  // The receiver listens on 127.0.0.1 over http, which only this flag allows.
  process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = 'true';
  resetConfigForTests();
});
afterAll(() => {
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetConfigForTests();
});

/** Everything the process writes, however it writes it: stream writes and the console (which a test runner may reroute). */
function captureOutput() {
  const text: string[] = [];
  const keep = (chunk: unknown) => text.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (keep(chunk), true)),
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (keep(chunk), true)),
    ...(['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void keep(args.map(String).join(' ')))),
  ];
  return { text: () => text.join('\n'), restore: () => spies.forEach((spy) => spy.mockRestore()) };
}

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await getDb().execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * Unkeyed digests of the number as code commonly makes them: several algorithms, with or without a label in
 * front, in hex and base64. Each needle is the digest's first 12 characters, so a digest cut short to make a
 * reference or an id is caught as well.
 */
function unkeyedDigests(numbers: readonly string[]): string[] {
  const labels = ['', 'aadhaar:', 'aadhaar-ref:', 'aadhaar_ref:', 'aadhaar-', 'aadhaar_', 'uid:'];
  const needles = new Set<string>();
  for (const algorithm of ['md5', 'sha1', 'sha256', 'sha512']) {
    for (const number of numbers) {
      for (const label of labels) {
        const digest = createHash(algorithm).update(`${label}${number}`).digest();
        for (const encoding of ['hex', 'base64', 'base64url'] as const) needles.add(digest.toString(encoding).slice(0, 12));
      }
    }
  }
  return [...needles];
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** Which `table.column`s of the public schema hold each needle anywhere, across every text-like column. */
async function scanDatabase(needles: readonly string[]) {
  const columns = await rows<{ table_name: string; column_name: string; data_type: string }>(sql`
    select c.table_name, c.column_name, c.data_type
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = 'public' and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY')
    order by c.table_name, c.column_name`);
  const found = new Map<string, string[]>(needles.map((needle) => [needle, []]));
  for (const { table_name, column_name, data_type } of columns) {
    const column = sql.raw(`${quote(table_name)}.${quote(column_name)}`);
    const checks = needles.map((needle) =>
      data_type === 'bytea' ? sql`coalesce(bool_or(position(convert_to(${needle}, 'UTF8') in ${column}) > 0), false)` : sql`coalesce(bool_or(strpos(${column}::text, ${needle}) > 0), false)`,
    );
    const [hits] = await rows<Record<string, boolean>>(sql`select ${sql.join(checks.map((check, i) => sql`${check} as ${sql.raw(`hit${i}`)}`), sql`, `)} from ${sql.raw(quote(table_name))}`);
    needles.forEach((needle, i) => {
      if (hits?.[`hit${i}`]) found.get(needle)!.push(`${table_name}.${column_name}`);
    });
  }
  return { columns: columns.map((c) => `${c.table_name}.${c.column_name}`), found };
}

describe('an Aadhaar number', () => {
  it('is never stored, sent, answered or logged whole: only its last four digits are kept', async () => {
    // A number nobody else's test data can contain, with a valid check digit; a typo of it (a wrong check digit) too.
    const first11 = `${randomInt(2, 9)}${String(randomInt(0, 1e10)).padStart(10, '0')}`;
    const aadhaar = `${first11}${verhoeffCheckDigit(first11)}`;
    const typo = `${first11}${(Number(verhoeffCheckDigit(first11)) + 1) % 10}`;
    const spaced = (n: string) => n.replace(/(\d{4})(\d{4})(\d{4})/, '$1 $2 $3');
    const hyphened = (n: string) => n.replace(/(\d{4})(\d{4})(\d{4})/, '$1-$2-$3');
    const forbidden = [aadhaar, spaced(aadhaar), hyphened(aadhaar), typo, spaced(typo)];
    const digests = unkeyedDigests([aadhaar, spaced(aadhaar), typo]);
    const canary = `Scan Canary ${unique()}`;

    const live = await makePartner('aadh');
    const sandboxId = await ensureSandbox(live.id);
    const { secret: key } = await createApiKey(systemFor(live.id), { name: 'KYC journey', mode: 'test', scopes: ['onboarding:write', 'clients:read', 'events:read'] });
    const receiver = await startReceiver();
    await createWebhookEndpoint(systemFor(sandboxId), { url: receiver.url, eventTypes: ['*'] });

    const answers: string[] = [];
    async function call(handler: Handler, path: string, params: Record<string, string>, body?: unknown) {
      const request = new Request(`http://localhost/api/v1${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { authorization: `Bearer ${key}`, 'idempotency-key': randomUUID(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const response = await handler(request, { params: Promise.resolve(params) });
      const text = await response.text();
      answers.push(text);
      return { status: response.status, body: JSON.parse(text) as Record<string, unknown> & { kyc: { aadhaar: { reference: string; masked: string } }; client_id: string } };
    }

    const output = captureOutput();
    let registrationId = '';
    try {
      const registered = await call(registrationsRoute.POST, '/registrations', {}, { name: canary, email: uniqueEmail('canary'), mobile: `9${String(randomInt(0, 1e9)).padStart(9, '0')}`, password: 'correct-horse-9' });
      expect(registered.status, JSON.stringify(registered.body)).toBe(201);
      registrationId = registered.body.id as string;
      const params = { registration_id: registrationId };
      const at = (step: string) => `/registrations/${registrationId}/${step}`;

      expect((await call(verifyOtpRoute.POST, at('verify_otp'), params, { email_otp: sandboxOtp, mobile_otp: sandboxOtp })).status).toBe(200);
      expect((await call(panRoute.POST, at('pan'), params, { pan: 'ABCPE1234F', business_type: 'proprietorship' })).status).toBe(200);
      // A typo first: refused, and the refusal must not repeat what was typed either.
      expect((await call(aadhaarOtpRoute.POST, at('aadhaar/otp'), params, { aadhaar_number: spaced(typo) })).status).toBe(400);
      const sent = await call(aadhaarOtpRoute.POST, at('aadhaar/otp'), params, { aadhaar_number: spaced(aadhaar) });
      expect(sent.status).toBe(200);
      expect(sent.body.kyc.aadhaar.masked).toBe(`XXXX XXXX ${aadhaar.slice(-4)}`);
      const reference = sent.body.kyc.aadhaar.reference;
      expect((await call(aadhaarVerifyRoute.POST, at('aadhaar/verify'), params, { otp: sandboxAadhaarOtp, reference })).status).toBe(200);
      const gstin = `27ABCPE1234F1Z${gstinCheckCharacter('27ABCPE1234F1Z')}`;
      expect((await call(gstRoute.POST, at('gst'), params, { gstin })).status).toBe(200);
      expect((await call(registrationRoute.GET, `/registrations/${registrationId}`, params)).status).toBe(200);
      const accepted = await call(acceptRoute.POST, at('accept'), params, { signature: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==' });
      expect(accepted.status).toBe(200);
      expect(accepted.body.client_id).toMatch(/^cli_/);

      // Every event goes out to the endpoint, and the request log is written, before anything is searched. (On a
      // shared database another worker may claim some deliveries first; those are waited for, then retried here.)
      await expect
        .poll(
          async () => {
            while ((await runDeliveryBatch({ partnerIds: [sandboxId] })) > 0);
            const states = await getDb().select({ status: webhookDeliveries.status }).from(webhookDeliveries).where(eq(webhookDeliveries.partnerId, sandboxId));
            return states.length > 0 && states.every((d) => d.status === 'succeeded');
          },
          { timeout: 60_000, interval: 500 },
        )
        .toBe(true);
      await flushApiRequests();
    } finally {
      output.restore();
    }
    const logs = output.text();

    // The capture and the journey really happened: request lines were logged, webhooks were sent and attempted.
    expect(logs).toContain(`/api/v1/registrations/${registrationId}/aadhaar/otp`);
    expect(receiver.received.length).toBeGreaterThanOrEqual(4);
    await receiver.close();
    const attempts = await getDb().select({ payload: webhookAttempts.payload }).from(webhookAttempts).where(eq(webhookAttempts.partnerId, sandboxId));
    expect(attempts.length).toBeGreaterThanOrEqual(receiver.received.length);
    const eventRows = await getDb().select({ type: events.type, data: events.data }).from(events).where(eq(events.partnerId, sandboxId));
    expect(eventRows.map((e) => e.type)).toEqual(expect.arrayContaining(['registration.created', 'client.kyc_submitted', 'client.created']));
    const outbox = (await listOutboxForOperator(systemCtx, 1000)).filter((m) => m.partnerId === sandboxId);
    expect(outbox.map((m) => m.channel).sort()).toEqual(['email', 'sms']);
    expect(outbox.every((m) => m.text)).toBe(true);

    const { columns, found } = await scanDatabase([...forbidden, ...digests, aadhaar.slice(-4), canary]);
    // The scan covers the places a leak would hide, and it finds what is there.
    expect(columns).toEqual(expect.arrayContaining(['events.data', 'messages.sealed_body', 'webhook_attempts.payload', 'audit_log.after', 'registrations.signature', 'idempotency_keys.response_body', 'api_request_log.path']));
    expect(found.get(canary)).toEqual(expect.arrayContaining(['registrations.name', 'clients.name', 'events.data', 'webhook_attempts.payload']));
    expect(found.get(aadhaar.slice(-4))).toContain('registrations.aadhaar_last4');

    const surfaces: Record<string, string> = {
      logs,
      'API answers': answers.join('\n'),
      'event payloads': JSON.stringify(eventRows),
      'webhook attempt payloads': JSON.stringify(attempts),
      'webhook requests received': receiver.received.map((r) => r.body).join('\n'),
      'outbox (unsealed)': JSON.stringify(outbox),
    };
    expect(surfaces['webhook requests received']).toContain(canary);
    for (const needle of forbidden) {
      expect(found.get(needle), `the database holds ${needle}`).toEqual([]);
      for (const [surface, text] of Object.entries(surfaces)) expect(text.includes(needle), `${surface} contain ${needle}`).toBe(false);
    }
    for (const needle of digests) {
      expect(found.get(needle), `the database holds an unkeyed hash of the number (${needle}…)`).toEqual([]);
      for (const [surface, text] of Object.entries(surfaces)) expect(text.includes(needle), `${surface} contain an unkeyed hash of the number (${needle}…)`).toBe(false);
    }
  }, 90_000);
});
