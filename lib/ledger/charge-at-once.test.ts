import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, inOneTransaction } from '@/db';
import { commissions, events, ledgerEntries, ledgerTransfers, webhookDeliveries } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { seedClient } from '@/lib/clients/seed-client';
import { AppError } from '@/lib/errors/app-error';
import { createWebhookEndpoint } from '@/lib/webhooks/manage-endpoints';
import type { Resolver } from '@/lib/webhooks/ssrf-guard';
import { makePartner, systemFor, unique, uniqueEmail } from '@/test/factories';
import { readAccount } from './accounts';
import { partnerBook } from './books';
import { chargeClient } from './charge-client';
import { addClientCredits } from './client-credits';
import { creditPartner } from './money-in';
import { verifyLedger } from './verify-ledger';

const publicDns: Resolver = async () => [{ address: '93.184.215.14', family: 4 }];

async function setup(wallet: bigint) {
  const partner = await makePartner('atonce');
  const ctx = systemFor(partner.id);
  const client = await seedClient(ctx, { name: 'Heron Freight', email: uniqueEmail('atonce'), status: 'active' });
  await creditPartner(systemCtx, { partnerId: partner.id, amount: '10000000', reference: `UTR${unique()}` });
  await addClientCredits(ctx, { clientId: client.id, amount: String(wallet) });
  const book = partnerBook(partner.id);
  const balance = async (key: Parameters<typeof readAccount>[1]) => (await readAccount(getDb(), key))?.balance ?? 0n;
  return { partner, ctx, client, book, balance };
}

/** What a charge wrote, without its generated ids and times, to compare the two paths row for row. */
async function footprint(partnerId: string, setId: string) {
  const db = getDb();
  const transfers = await db.select().from(ledgerTransfers).where(eq(ledgerTransfers.setId, setId)).orderBy(asc(ledgerTransfers.amount));
  const entries = await db.select().from(ledgerEntries).where(eq(ledgerEntries.partnerId, partnerId)).orderBy(asc(ledgerEntries.id));
  const [commission] = await db.select().from(commissions).where(eq(commissions.setId, setId));
  const [event] = await db.select().from(events).where(and(eq(events.partnerId, partnerId), eq(events.type, 'commission.earned')));
  const deliveries = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, event!.id));
  return {
    transfers: transfers.map((t) => [t.kind, t.status, t.amount, t.unit, t.product, t.objectId, t.clientId ? 'the client' : null, t.memo, t.metadata, t.actorType]),
    entries: entries.filter((e) => transfers.some((t) => t.id === e.transferId)).map((e) => [e.amount, e.balanceAfter, e.accountVersion, e.kind, e.objectId]),
    commission: [commission!.retail, commission!.wholesale, commission!.commission, commission!.product, commission!.objectId],
    event: { ...(event!.data as Record<string, unknown>), charge_id: undefined, client_id: undefined },
    deliveries: deliveries.length,
  };
}

describe('charges in one statement', () => {
  it('write exactly what the transactional path writes: transfers, entries, commission, event and deliveries', async () => {
    const footprints = [];
    for (const path of ['one statement', 'transaction'] as const) {
      const s = await setup(100_000n);
      await createWebhookEndpoint(s.ctx, { url: 'https://hooks.example.com/billing', eventTypes: ['commission.earned'] }, { resolve: publicDns });
      const charge = () => chargeClient(s.ctx, { clientId: s.client.id, product: 'agent_seat_month', objectId: 'agt_1', memo: 'Seat, December' });
      // Inside a larger transaction a statement cannot commit on its own, so the transactional path is taken.
      const result = path === 'transaction' ? await inOneTransaction(charge) : await charge();
      expect(result).toMatchObject({ retail: 49_900n, wholesale: 39_920n, commission: 9_980n, walletBalance: 50_100n, replayed: false });
      footprints.push(await footprint(s.partner.id, result.chargeId));
      expect((await verifyLedger({ partnerId: s.partner.id })).problems).toEqual([]);
    }
    expect(footprints[0]).toEqual(footprints[1]);
    expect(footprints[0]!.deliveries).toBe(1);
  });

  it('let exactly ⌊b/x⌋ of N parallel charges on one wallet through, the rest refused with the shortfall', async () => {
    // Outbound minutes: retail 90 paise each, so a wallet of 1,000 pays for exactly 11 of them.
    const s = await setup(1_000n);
    const results = await Promise.allSettled(Array.from({ length: 25 }, () => chargeClient(s.ctx, { clientId: s.client.id, product: 'call_minute_outbound' })));
    const refused = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason as AppError);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(11);
    expect(refused.map((e) => [e.code, e.extensions?.shortfall])).toEqual(Array.from({ length: 14 }, () => ['client_insufficient_funds', 80]));
    expect(await s.balance(s.book.wallet(s.client.id))).toBe(10n);
    expect(await getDb().select().from(commissions).where(eq(commissions.partnerId, s.partner.id))).toHaveLength(11);
    expect((await verifyLedger({ partnerId: s.partner.id })).problems).toEqual([]);
  });

  it('replay a repeated key, also when the two requests race', async () => {
    const s = await setup(10_000n);
    const charge = () => chargeClient(s.ctx, { clientId: s.client.id, product: 'call_minute_outbound', idempotencyKey: 'minute-1' });
    const [a, b] = await Promise.all([charge(), charge()]);
    expect(a.chargeId).toBe(b.chargeId);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect((await charge()).replayed).toBe(true);
    expect(await s.balance(s.book.wallet(s.client.id))).toBe(10_000n - 90n);
    const other = await chargeClient(s.ctx, { clientId: s.client.id, product: 'call_minute_inbound', idempotencyKey: 'minute-1' }).catch((e) => e);
    expect(other.code).toBe('ledger_key_conflict');
  });

  it('refuse another partner’s client before naming any account after it', async () => {
    const s = await setup(10_000n);
    const other = await makePartner('atonce');
    const error = await chargeClient(systemFor(other.id), { clientId: s.client.id, product: 'call_minute_outbound' }).catch((e) => e);
    expect(error.code).toBe('not_found');
    expect(await readAccount(getDb(), partnerBook(other.id).wallet(s.client.id))).toBeNull();
  });
});
