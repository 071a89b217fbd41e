import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { callRecords, usageEvents, usageHourly } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { flushApiRequests, recordApiRequest } from '@/lib/api/request-log';
import { setLogo } from '@/lib/branding/update-branding';
import { ingestCallEvent } from '@/lib/calls/ingest-call-events';
import { setClientStatus } from '@/lib/clients/manage-clients';
import { seedClient } from '@/lib/clients/seed-client';
import { AppError } from '@/lib/errors/app-error';
import { chargeClient } from '@/lib/ledger/charge-client';
import { addClientCredits } from '@/lib/ledger/client-credits';
import { atLedgerTime } from '@/lib/ledger/clock';
import { creditPartner } from '@/lib/ledger/money-in';
import { refundCharge } from '@/lib/ledger/refund-charge';
import { sqlRows } from '@/lib/ledger/sql-rows';
import { addPoolNumbers } from '@/lib/masking/test-pool';
import type { CallEvent } from '@/lib/providers/carrier/carrier-provider';
import { deleteRecording, uploadRecording } from '@/lib/recordings/manage-recordings';
import { pngImage } from '@/test/images';
import { wavFile } from '@/test/audio';
import { makePartner, systemFor, unique, uniqueEmail } from '@/test/factories';
import { clientUsage } from './client-usage';
import { partnerMetrics } from './partner-metrics';
import { recordUsage } from './record-usage';
import { rollUpUsage } from './roll-up-usage';

const codeOf = (error: unknown) => (error instanceof AppError ? error.code : String(error));

async function setup(label = 'usage') {
  const partner = await makePartner(label);
  const ctx = systemFor(partner.id);
  const client = await seedClient(ctx, { name: 'Kingfisher Couriers', email: uniqueEmail(label), status: 'active' });
  await creditPartner(systemCtx, { partnerId: partner.id, amount: '10000000', reference: `UTR${unique()}${unique()}` });
  await addClientCredits(ctx, { clientId: client.id, amount: '1000000' });
  return { partner, ctx, client };
}

const endedCall = (number: string, seconds: number, occurredAt: Date): CallEvent => {
  const id = unique();
  return { eventId: `ev-${id}`, type: 'call.ended', callId: `call-${id}`, legId: `leg-${id}`, leg: 'inbound', direction: 'inbound', number, from: '+919812345678', to: number, occurredAt: occurredAt.toISOString(), durationSeconds: seconds, outcome: 'completed' };
};

/** What happened, recounted from the events themselves, per (client, kind, channel, hour). */
async function recount(partnerId: string) {
  return sqlRows<{ client_id: string; kind: string; channel: string; hour: string; quantity: string; events: number }>(
    getDb(),
    sql`select coalesce(client_id, '') as client_id, kind, channel, to_char(date_trunc('hour', occurred_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24') as hour, sum(quantity)::text as quantity, count(*)::int as events
      from usage_events where partner_id = ${partnerId} group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
  );
}

async function rolledUp(partnerId: string) {
  return sqlRows<{ client_id: string; kind: string; channel: string; hour: string; quantity: string; events: number }>(
    getDb(),
    sql`select client_id, kind, channel, to_char(hour at time zone 'UTC', 'YYYY-MM-DD"T"HH24') as hour, quantity::text as quantity, events from usage_hourly where partner_id = ${partnerId} order by 1, 2, 3, 4`,
  );
}

describe('usage metering', () => {
  it('meters a call leg once however often its ended event is replayed, and links the usage to its charge', async () => {
    const { partner, ctx, client } = await setup();
    const [number] = await addPoolNumbers({ partnerId: partner.id, clientId: client.id, environment: 'live', count: 1 });
    const event = endedCall(number!.e164, 125, new Date());
    await Promise.all(Array.from({ length: 5 }, () => ingestCallEvent(event)));
    await ingestCallEvent(event);
    const usage = await getDb().select().from(usageEvents).where(eq(usageEvents.partnerId, partner.id));
    expect(usage).toHaveLength(1);
    expect([usage[0]!.kind, usage[0]!.quantity, usage[0]!.clientId]).toEqual(['call_minutes', 3n, client.id]);
    const [record] = await getDb().select().from(callRecords).where(eq(callRecords.partnerId, partner.id));
    expect(record!.chargeStatus).toBe('charged');
    expect(usage[0]!.chargeId).toBe(record!.chargeId);
    expect(usage[0]!.sourceId).toBe(record!.id);
    const report = await clientUsage(ctx, client.id);
    expect(report.totals.call_minutes).toBe(3n);
    expect(report.charged).toEqual({ events: 1, charges: 1 });
  });

  it('records a usage key once under concurrent writers', async () => {
    const { partner, client } = await setup();
    const key = `test:${unique()}`;
    const results = await Promise.all(Array.from({ length: 8 }, () => getDb().transaction((tx) => recordUsage(tx, { partnerId: partner.id, clientId: client.id, kind: 'messages', channel: 'whatsapp', quantity: 4, idempotencyKey: key, occurredAt: new Date() }))));
    expect(results.filter(Boolean)).toHaveLength(1);
    const rows = await getDb().select().from(usageEvents).where(and(eq(usageEvents.partnerId, partner.id), eq(usageEvents.idempotencyKey, key)));
    expect(rows).toHaveLength(1);
  });

  it('meters storage as recordings come and go, and a logo as the partner’s own', async () => {
    const { partner, ctx, client } = await setup();
    const one = await uploadRecording(ctx, client.id, { name: 'Welcome', content: wavFile(1) });
    const two = await uploadRecording(ctx, client.id, { name: 'Closed', content: wavFile(2) });
    await deleteRecording(ctx, one.id);
    const report = await clientUsage(ctx, client.id);
    expect(report.totals.storage_bytes).toBe(BigInt(two.sizeBytes));
    const logo = pngImage(64, 64);
    await setLogo(ctx, logo);
    const [own] = await getDb().select().from(usageEvents).where(and(eq(usageEvents.partnerId, partner.id), sql`${usageEvents.clientId} is null`));
    expect([own!.kind, own!.quantity]).toEqual(['storage_bytes', BigInt(logo.length)]);
  });

  it('meters API requests with their log line, toward the client a successful request names', async () => {
    const { partner, client } = await setup();
    const requestId = `req-${unique()}`;
    recordApiRequest({ partnerId: partner.id, method: 'GET', path: `/api/v1/clients/${client.id}/usage`, status: 200, durationMs: 3, requestId, errorCode: null });
    recordApiRequest({ partnerId: partner.id, method: 'GET', path: `/api/v1/clients/${client.id}`, status: 404, durationMs: 3, requestId: `${requestId}-b`, errorCode: 'not_found' });
    await flushApiRequests();
    const rows = await getDb().select().from(usageEvents).where(and(eq(usageEvents.partnerId, partner.id), eq(usageEvents.kind, 'api_requests')));
    expect(rows.map((r) => r.clientId).sort()).toEqual([client.id, null].sort());
  });
});

describe('hourly rollup', () => {
  it('equals a recount of the events, counts each once under two workers, and a rerun changes nothing', async () => {
    const { partner, ctx, client } = await setup();
    const other = await seedClient(ctx, { name: 'Sparrow Pharmacy', email: uniqueEmail('usage'), status: 'active' });
    const base = Date.UTC(2026, 10, 3, 5);
    const kinds = ['call_minutes', 'masking_minutes', 'messages', 'api_requests', 'storage_bytes'] as const;
    const writes = Array.from({ length: 300 }, (_, i) => ({ partnerId: partner.id, clientId: i % 3 === 0 ? other.id : i % 7 === 0 ? null : client.id, kind: kinds[i % 5]!, channel: i % 5 === 2 ? (i % 2 ? 'whatsapp' : 'sms') : '', quantity: (i % 11) + 1, idempotencyKey: `bulk:${i}`, occurredAt: new Date(base + ((i * 7919) % (72 * 3600)) * 1000) }));
    for (let i = 0; i < writes.length; i += 50) await getDb().transaction(async (tx) => { for (const w of writes.slice(i, i + 50)) await recordUsage(tx, w); });
    // Usage read before any rollup already counts everything.
    const before = await clientUsage(ctx, client.id, { from: '2026-11-01', to: '2026-11-30' });
    await Promise.all([rollUpUsage(40), rollUpUsage(40)]);
    expect(await rolledUp(partner.id)).toEqual(await recount(partner.id));
    // Half-rolled-up state (new events after a rollup) reads the same as the recount, too.
    await getDb().transaction((tx) => recordUsage(tx, { partnerId: partner.id, clientId: client.id, kind: 'messages', channel: 'whatsapp', quantity: 5, idempotencyKey: 'late', occurredAt: new Date(base) }));
    const after = await clientUsage(ctx, client.id, { month: '2026-11' });
    expect(after.totals.messages).toBe(before.totals.messages + 5n);
    const expected = writes.filter((w) => w.clientId === client.id).reduce((sum, w) => ({ ...sum, [w.kind]: (sum[w.kind] ?? 0n) + BigInt(w.quantity) }), {} as Record<string, bigint>);
    for (const kind of kinds) expect(before.totals[kind]).toBe(expected[kind] ?? 0n);
    await rollUpUsage();
    await rollUpUsage();
    expect(await rolledUp(partner.id)).toEqual(await recount(partner.id));
    const [hours] = await sqlRows<{ n: number }>(getDb(), sql`select count(*)::int as n from ${usageHourly} where partner_id = ${partner.id}`);
    expect(hours!.n).toBeGreaterThan(10);
  });
});

describe('client usage and partner metrics', () => {
  it('answers 404 for another partner’s client, and refuses a bad period with the field named', async () => {
    const { client } = await setup();
    const { ctx: otherCtx } = await setup('usage-other');
    expect(codeOf(await clientUsage(otherCtx, client.id).catch((e) => e))).toBe('not_found');
    expect(codeOf(await clientUsage(otherCtx, 'cli_nonsense').catch((e) => e))).toBe('not_found');
    const bad = await clientUsage(otherCtx, client.id, { month: '2026-13' }).catch((e) => e);
    expect(codeOf(bad)).toBe('validation_failed');
    const reversed = await clientUsage(otherCtx, client.id, { from: '2026-11-10', to: '2026-11-01' }).catch((e) => e);
    expect(codeOf(reversed)).toBe('validation_failed');
  });

  it('equal a recount from the ledger: revenue, cost, commission, clients and growth month over month', async () => {
    const { partner, ctx, client } = await setup('metrics');
    const second = await seedClient(ctx, { name: 'Myna Motors', email: uniqueEmail('metrics'), status: 'active' });
    await addClientCredits(ctx, { clientId: second.id, amount: '1000000' });
    const october = new Date('2026-10-15T06:00:00Z');
    const november = new Date('2026-11-12T06:00:00Z');
    await atLedgerTime(october, () => chargeClient(ctx, { clientId: client.id, product: 'call_minute_outbound', quantity: 100 }));
    await atLedgerTime(november, () => chargeClient(ctx, { clientId: client.id, product: 'call_minute_outbound', quantity: 150 }));
    await atLedgerTime(november, () => chargeClient(ctx, { clientId: second.id, product: 'number_rental_local' }));
    const mistaken = await atLedgerTime(november, () => chargeClient(ctx, { clientId: second.id, product: 'call_minute_inbound', quantity: 30 }));
    await atLedgerTime(november, () => refundCharge(ctx, { chargeId: mistaken.chargeId, reason: 'Test calls' }));
    await setClientStatus(ctx, { clientId: second.id, status: 'inactive', reason: 'Closed the account' });
    const now = new Date();
    const metrics = await partnerMetrics(ctx, { month: '2026-11' }, now);
    // The recount: charge legs into the partner's revenue (retail) and the operator's revenue (wholesale), less refunds.
    const ledger = async (kind: 'partner_revenue' | 'operator_revenue', from: string, to: string) => {
      const [row] = await sqlRows<{ sum: string }>(
        getDb(),
        sql`select coalesce(sum(case when t.kind = 'charge' and t.credit_account_id = a.id then t.amount when t.kind = 'refund' and t.debit_account_id = a.id then -t.amount else 0 end), 0)::text as sum
          from ledger_transfers t join ledger_accounts a on a.partner_id = t.partner_id and a.kind = ${kind} and a.unit = 'inr' and a.client_id is null
          where t.partner_id = ${partner.id} and t.created_at >= ${from}::timestamptz and t.created_at < ${to}::timestamptz`,
      );
      return BigInt(row!.sum);
    };
    const [novStart, novEnd, octStart] = ['2026-10-31T18:30:00Z', '2026-11-30T18:30:00Z', '2026-09-30T18:30:00Z'];
    const retail = await ledger('partner_revenue', novStart, novEnd);
    const wholesale = await ledger('operator_revenue', novStart, novEnd);
    expect(metrics.money.retail).toBe(retail);
    expect(metrics.money.wholesale).toBe(wholesale);
    expect(metrics.money.commission).toBe(retail - wholesale);
    expect(metrics.money.charges).toBe(2);
    const octRetail = await ledger('partner_revenue', octStart, novStart);
    expect(metrics.previous.money.retail).toBe(octRetail);
    expect(metrics.growth.revenue).toBe(Math.round(((Number(retail) - Number(octRetail)) / Number(octRetail)) * 1000) / 10);
    expect(metrics.clients.active).toBe(2);
    expect(metrics.previous.clients.active).toBe(1);
    expect(metrics.months.map((m) => m.month)).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(metrics.months.at(-1)!.retail).toBe(retail);
    // Churn is counted in the month the client was deactivated (now), not November.
    const thisMonth = await partnerMetrics(ctx, {}, now);
    expect(thisMonth.clients.churned).toBe(1);
    expect(thisMonth.clients.new).toBe(2);
    expect(metrics.tickets.total).toBe(0);
  });
});
