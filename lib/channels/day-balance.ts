import { and, eq, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { channels, ledgerAccounts, ledgerTransfers } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { emitEvent } from '@/lib/events/emit-event';
import { accountKeyString, readAccount, resolveAccounts } from '@/lib/ledger/accounts';
import { partnerBook } from '@/lib/ledger/books';
import type { PostedSet } from '@/lib/ledger/post-set';
import { buyUnits } from '@/lib/ledger/units';
import { queueTemplatedEmail } from '@/lib/email-templates/queue-templated-email';
import { priceOf } from '@/lib/prices/price-book';
import { adminRecipients } from '@/lib/team/admin-recipients';
import { partnerHomeUrl } from '@/lib/tenancy/partner-home-url';
import { buyDaysSchema, daysThresholdSchema } from './schemas';

/** A client's WhatsApp channels hold their days in one account of the client's; each channel's share is on its row. */
export const channelDaysKey = (partnerId: string, clientId: string) => ({ partnerId, kind: 'channel_days' as const, unit: 'days' as const, clientId });

/** The day balance, its alert threshold, the wholesale day price, and where every day bought is now. */
export async function getDayBalance(ctx: PartnerCtx) {
  requirePartnerRole(ctx, 'member');
  const db = getDb();
  const book = partnerBook(ctx.partnerId);
  const [pool, price, [bought], [inChannels]] = await Promise.all([
    readAccount(db, book.pool('days')),
    priceOf(db, ctx.partnerId, 'channel_day'),
    db
      .select({ days: sql<string>`coalesce(sum(${ledgerTransfers.amount}), 0)` })
      .from(ledgerTransfers)
      .where(and(eq(ledgerTransfers.partnerId, ctx.partnerId), eq(ledgerTransfers.kind, 'purchase'), eq(ledgerTransfers.unit, 'days'), eq(ledgerTransfers.status, 'posted'))),
    db
      .select({ held: sql<string>`coalesce(sum(${channels.daysHeld}), 0)`, reclaimed: sql<string>`coalesce(sum(${channels.daysReclaimed}), 0)` })
      .from(channels)
      .where(eq(channels.partnerId, ctx.partnerId)),
  ]);
  return {
    balance: Number(pool?.balance ?? 0n),
    threshold: pool?.lowBalanceThreshold === null || pool?.lowBalanceThreshold === undefined ? null : Number(pool.lowBalanceThreshold),
    dayPrice: price.wholesale,
    bought: Number(bought?.days ?? 0),
    inChannels: Number(inChannels?.held ?? 0),
    reclaimed: Number(inChannels?.reclaimed ?? 0),
  };
}

/** Buys days from the prepaid balance at the wholesale day price (the ledger converts INR to days). */
export async function buyDays(ctx: PartnerCtx, input: Untrusted<{ quantity: unknown }>, idempotencyKey?: string) {
  const data = parseInput(buyDaysSchema, input);
  return buyUnits(ctx, { unit: 'days', quantity: data.quantity, idempotencyKey });
}

export async function setDaysThreshold(ctx: PartnerCtx, input: Untrusted<{ threshold: unknown }>) {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(daysThresholdSchema, input);
  return getDb().transaction(async (tx) => {
    const key = partnerBook(ctx.partnerId).pool('days');
    const id = (await resolveAccounts(tx, [key])).get(accountKeyString(key))!;
    await tx
      .update(ledgerAccounts)
      .set({ lowBalanceThreshold: data.threshold === null ? null : BigInt(data.threshold) })
      .where(and(eq(ledgerAccounts.id, id), eq(ledgerAccounts.partnerId, ctx.partnerId)));
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'partner.days_threshold_set', targetType: 'partner', targetId: ctx.partnerId, after: { threshold: data.threshold } });
    return { threshold: data.threshold };
  });
}

/**
 * `partner.days_low` and its e-mail when a set took the day balance below its threshold: decided from the
 * balance before and after the set under the account's lock, so once per crossing.
 */
export async function announceDaysLow(tx: Tx, partnerId: string, posted: PostedSet): Promise<void> {
  const poolId = posted.accountIds.get(accountKeyString(partnerBook(partnerId).pool('days')));
  const pool = poolId ? posted.accounts.get(poolId) : undefined;
  if (!pool || pool.lowBalanceThreshold === null) return;
  const threshold = pool.lowBalanceThreshold;
  const available = pool.balance - pool.held;
  if (!(pool.before >= threshold && available < threshold)) return;
  await emitEvent(tx, partnerId, 'partner.days_low', { balance: Number(available), threshold: Number(threshold) });
  const { emails } = await adminRecipients(tx, partnerId);
  if (!emails.length) return;
  const url = await partnerHomeUrl(tx, partnerId, '/channels');
  for (const to of emails) await queueTemplatedEmail(tx, { partnerId, to, type: 'days_low', template: 'days-low', values: { 'days.available': String(available), 'days.threshold': String(threshold), 'link.url': url } });
}
