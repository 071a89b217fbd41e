import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { callRecords, events, maskingCallbacks, maskingSessions } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { ingestCallEvent } from '@/lib/calls/ingest-call-events';
import { listCallRecords, listSessionLegs } from '@/lib/calls/call-records';
import { seedClient } from '@/lib/clients/seed-client';
import { AppError } from '@/lib/errors/app-error';
import { readAccount } from '@/lib/ledger/accounts';
import { partnerBook } from '@/lib/ledger/books';
import { addClientCredits } from '@/lib/ledger/client-credits';
import { creditPartner } from '@/lib/ledger/money-in';
import { simulatedCallEvents } from '@/lib/providers/carrier/masking-simulator';
import { makePartner, systemFor, uniqueEmail } from '@/test/factories';
import { expireMaskingSessions } from './expire-sessions';
import { maskingPool } from './pool';
import { cancelMaskingSession, createMaskingSession, getMaskingSession, listMaskingSessions, updateMaskingSession } from './sessions';
import { simulateMaskingCall } from './simulate-call';
import { addPoolNumbers } from './test-pool';

const party = () => `+9198${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`.replace(/000[2349]$/, '1111');
const codeOf = (error: unknown) => (error instanceof AppError ? error.code : String(error));

async function setup(poolSize = 1, funded = true) {
  const partner = await makePartner('mask');
  const ctx = systemFor(partner.id);
  const client = await seedClient(ctx, { name: 'Ridehail Co', email: uniqueEmail('mask'), status: 'active' });
  const pool = await addPoolNumbers({ partnerId: partner.id, clientId: client.id, environment: 'live', count: poolSize });
  if (funded) {
    await creditPartner(systemCtx, { partnerId: partner.id, amount: '100000', reference: `UTR${Math.floor(Math.random() * 1e12)}` });
    await addClientCredits(ctx, { clientId: client.id, amount: '50000' });
  }
  const wallet = async () => (await readAccount(getDb(), partnerBook(partner.id).wallet(client.id)))?.balance ?? 0n;
  return { partner, ctx, client, pool, wallet };
}

describe('masking sessions', () => {
  it('allocates a pool number, and a party holds one number in one open session at a time', async () => {
    const { ctx, client, pool } = await setup(2);
    const a = party();
    const one = await createMaskingSession(ctx, { client_id: client.id, first_party: a, second_party: party() });
    const two = await createMaskingSession(ctx, { client_id: client.id, first_party: a, second_party: party() });
    expect(new Set([one.session.virtualNumber, two.session.virtualNumber])).toEqual(new Set(pool.map((n) => n.e164)));
    const error = await createMaskingSession(ctx, { client_id: client.id, first_party: party(), second_party: a }).catch((e) => e);
    expect(codeOf(error)).toBe('pool_exhausted');
    expect(error.extensions).toEqual({ pool_size: 2, numbers_needed: 3 });
    expect(error.message).toContain('needs at least 3');
    // Other parties still fit on the same numbers.
    await createMaskingSession(ctx, { client_id: client.id, first_party: party(), second_party: party() });
    expect((await maskingPool(ctx, client.id)).numbersNeeded).toBe(3);
  });

  it('lets only one of many concurrent sessions for the same party take the last free number', async () => {
    const { ctx, client } = await setup(1);
    const a = party();
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => createMaskingSession(ctx, { client_id: client.id, first_party: a, second_party: party() })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => codeOf((r as PromiseRejectedResult).reason))).toEqual(Array(5).fill('pool_exhausted'));
  });

  it('refuses a client without a pool, a foreign client, and bad input beside the field', async () => {
    const { ctx, client } = await setup(0);
    expect(codeOf(await createMaskingSession(ctx, { client_id: client.id, first_party: party(), second_party: party() }).catch((e) => e))).toBe('pool_exhausted');
    const other = await setup(1);
    const foreign = await createMaskingSession(ctx, { client_id: other.client.id, first_party: party(), second_party: party() }).catch((e) => e);
    expect(foreign.fieldErrors).toEqual({ client_id: 'No such client.' });
    const same = party();
    const bad = await createMaskingSession(ctx, { client_id: client.id, first_party: '98100', second_party: same, ring_timeout: 5 }).catch((e) => e);
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['first_party', 'ring_timeout']);
    expect((await createMaskingSession(ctx, { client_id: client.id, first_party: same, second_party: same }).catch((e) => e)).fieldErrors).toHaveProperty('second_party');
  });

  it('404s another partner’s session everywhere', async () => {
    const mine = await setup(1);
    const theirs = await setup(1);
    const { session } = await createMaskingSession(theirs.ctx, { client_id: theirs.client.id, first_party: party(), second_party: party() });
    for (const attempt of [() => getMaskingSession(mine.ctx, session.id), () => updateMaskingSession(mine.ctx, session.id, { ring_timeout: 30 }), () => cancelMaskingSession(mine.ctx, session.id), () => simulateMaskingCall(mine.ctx, session.id, {}), () => listSessionLegs(mine.ctx, session.id, { limit: 10 })]) {
      expect(codeOf(await attempt().catch((e) => e))).toBe('not_found');
    }
    expect((await listMaskingSessions(mine.ctx, { limit: 100 })).data.map((s) => s.id)).not.toContain(session.id);
  });

  it('expires sessions by the worker, frees their number, and masks the parties afterwards', async () => {
    const { ctx, client, partner } = await setup(1);
    const a = party();
    const b = party();
    const { session } = await createMaskingSession(ctx, { client_id: client.id, first_party: a, second_party: b, session_expiry: 60 });
    expect([session.firstParty, session.secondParty]).toEqual([a, b]);
    await expireMaskingSessions(new Date(Date.now() + 61_000));
    const after = await getMaskingSession(ctx, session.id);
    expect(after.status).toBe('expired');
    expect(after.firstParty).toBe(`+91 ••••••••${a.slice(-2)}`);
    expect(JSON.stringify(after, (_, v) => (typeof v === 'bigint' ? String(v) : v))).not.toContain(a.slice(3));
    const ended = await getDb().select().from(events).where(and(eq(events.partnerId, partner.id), eq(events.type, 'masking_session.ended')));
    expect(ended).toHaveLength(1);
    expect(JSON.stringify(ended[0]!.data)).not.toContain(b.slice(3));
    // The pair is free again.
    await createMaskingSession(ctx, { client_id: client.id, first_party: a, second_party: b });
  });

  it('extends, swaps a party, cancels, and refuses changes to a closed session', async () => {
    const { ctx, client } = await setup(1);
    const { session } = await createMaskingSession(ctx, { client_id: client.id, first_party: party(), second_party: party() });
    const c = party();
    const updated = await updateMaskingSession(ctx, session.id, { session_expiry: 7200, second_party: c });
    expect(updated.secondParty).toBe(c);
    expect(updated.expiresAt.getTime()).toBeGreaterThan(session.expiresAt.getTime());
    const cancelled = await cancelMaskingSession(ctx, session.id);
    expect([cancelled.status, cancelled.endReason]).toEqual(['ended', 'cancelled']);
    expect(codeOf(await updateMaskingSession(ctx, session.id, { ring_timeout: 30 }).catch((e) => e))).toBe('session_closed');
    expect(codeOf(await cancelMaskingSession(ctx, session.id).catch((e) => e))).toBe('session_closed');
  });
});

describe('call events and the call simulator', () => {
  it('bridges a simulated call into two legs, charged once each at the masking per-minute price', async () => {
    const { ctx, client, partner, wallet } = await setup(1);
    const { session } = await createMaskingSession(ctx, { client_id: client.id, first_party: party(), second_party: party(), callback_url: 'https://example.com/hook' }, { resolve: async () => [{ address: '93.184.216.34', family: 4 }] });
    const before = await wallet();
    await simulateMaskingCall(ctx, session.id, { from: 'first_party', duration_seconds: 125 });
    const legs = (await listSessionLegs(ctx, session.id, { limit: 10 })).data;
    expect(legs.map((l) => [l.direction, l.status, l.chargeStatus]).sort()).toEqual([['inbound', 'ended', 'charged'], ['outbound', 'ended', 'charged']]);
    // Outbound: 125 s → 3 minutes; inbound: 4 s of ringing + 125 s → 3 minutes; masking_minute lists at 120 paise.
    expect(before - (await wallet())).toBe(6n * 120n);
    const after = await getMaskingSession(ctx, session.id);
    expect([after.status, after.totalCallCount, after.totalAmount]).toEqual(['active', 1, 720n]);
    const completed = await getDb().select().from(events).where(and(eq(events.partnerId, partner.id), eq(events.type, 'call.completed')));
    expect(completed).toHaveLength(2);
    const callbacks = await getDb().select().from(maskingCallbacks).where(eq(maskingCallbacks.sessionId, session.id));
    expect(callbacks.map((c) => c.type).sort()).toEqual(['call.completed', 'call.completed', 'masking_session.created']);
  });

  it('charges a replayed ended event once, even when replays arrive at the same time', async () => {
    const { ctx, client, wallet } = await setup(1);
    const { session } = await createMaskingSession(ctx, { client_id: client.id, first_party: party(), second_party: party() });
    const full = await getDb().select().from(maskingSessions).where(eq(maskingSessions.id, session.id));
    const events = simulatedCallEvents({ reference: session.id, virtualNumber: session.virtualNumber, caller: { number: full[0]!.firstParty, leg: 'first_party' }, callee: { number: full[0]!.secondParty, leg: 'second_party' }, callTimeLimit: 3600, ringTimeout: 60, record: false, durationSeconds: 61, callId: `replay-${Date.now()}`, startedAt: new Date() });
    const before = await wallet();
    for (const event of events) await ingestCallEvent(event);
    const ended = events.filter((e) => e.type === 'call.ended');
    const replays = await Promise.all([...ended, ...ended, ...ended].map((event) => ingestCallEvent(event)));
    expect(new Set(replays.map((r) => r.outcome))).toEqual(new Set(['duplicate']));
    // 61 s → 2 minutes; inbound 65 s → 2 minutes.
    expect(before - (await wallet())).toBe(4n * 120n);
    const records = await getDb().select().from(callRecords).where(eq(callRecords.sessionId, session.id));
    expect(records).toHaveLength(2);
  });

  it('records an unanswered leg without a charge, and a wallet that cannot pay as a failed charge', async () => {
    const { ctx, client, wallet } = await setup(1, false);
    const { session } = await createMaskingSession(ctx, { client_id: client.id, first_party: party(), second_party: '+919800000002' });
    await simulateMaskingCall(ctx, session.id, {});
    const legs = (await listCallRecords(ctx, { session_id: session.id, limit: 10 })).data;
    const outbound = legs.find((l) => l.direction === 'outbound')!;
    expect([outbound.outcome, outbound.durationSeconds, outbound.chargeStatus]).toEqual(['no_answer', 0, 'none']);
    const inbound = legs.find((l) => l.direction === 'inbound')!;
    expect(inbound.chargeStatus).toBe('failed');
    expect(inbound.chargeError).toMatch(/wallet/i);
    expect(await wallet()).toBe(0n);
  });

  it('keeps the live console from simulating calls', async () => {
    const { client, partner } = await setup(1);
    const staff = { partnerId: partner.id, actor: { type: 'partner_user' as const, id: 'usr_x', partnerId: partner.id, role: 'owner' as const } };
    const { session } = await createMaskingSession(systemFor(partner.id), { client_id: client.id, first_party: party(), second_party: party() });
    expect(codeOf(await simulateMaskingCall(staff, session.id, {}).catch((e) => e))).toBe('forbidden');
  });
});
