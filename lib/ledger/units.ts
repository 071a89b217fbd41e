import { z } from 'zod';
import { getDb } from '@/db';
import { recordAudit } from '@/lib/audit/record-audit';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { priceOf } from '@/lib/prices/price-book';
import { unitProduct } from '@/lib/prices/products';
import { accountKeyString } from './accounts';
import { clientOf, partnerBook } from './books';
import { announceLowBalances } from './low-balance';
import { postSet } from './post-set';

const unitSchema = z.enum(['days', 'points'], 'Choose days or points.');
const quantity = z.coerce.number('Give a whole number.').int('Give a whole number.').min(1, 'Give at least 1.').max(10_000_000, 'That is more than one purchase allows.');

export const buyUnitsSchema = z.object({ unit: unitSchema, quantity, idempotencyKey: z.string().trim().min(1).max(255).optional() });

/**
 * A partner buys days or points from its prepaid balance at its wholesale price: two linked transfers, the
 * INR to the operator and the units from the operator's issuance into the partner's pool, recording the rate.
 */
export async function buyUnits(ctx: PartnerCtx, input: Untrusted<z.input<typeof buyUnitsSchema>>) {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(buyUnitsSchema, input);
  const book = partnerBook(ctx.partnerId);
  return getDb().transaction(async (tx) => {
    const price = await priceOf(tx, ctx.partnerId, unitProduct[data.unit]);
    const cost = price.wholesale * BigInt(data.quantity);
    const rate = { unit: data.unit, paise_each: String(price.wholesale) };
    const legs = [{ debit: book.operatorFunding(data.unit), credit: book.pool(data.unit), amount: BigInt(data.quantity), kind: 'purchase' as const, product: unitProduct[data.unit], metadata: { rate } }];
    if (cost > 0n) legs.unshift({ debit: book.prepaid, credit: book.operatorRevenue, amount: cost, kind: 'purchase', product: unitProduct[data.unit], metadata: { rate } });
    const posted = await postSet(tx, ctx, { partnerId: ctx.partnerId, kind: 'purchase', idempotencyKey: data.idempotencyKey ? `buy:${data.idempotencyKey}` : null, legs });
    if (!posted.replayed) {
      await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: `partner.${data.unit}_bought`, targetType: 'partner', targetId: ctx.partnerId, after: { quantity: data.quantity, cost: String(cost), rate } });
      await announceLowBalances(tx, ctx.partnerId, posted);
    }
    const pool = posted.accounts.get(posted.accountIds.get(accountKeyString(book.pool(data.unit))) ?? '')?.balance ?? null;
    return { unit: data.unit, quantity: data.quantity, cost, pool, replayed: posted.replayed };
  });
}

export const allocateUnitsSchema = z.object({ clientId: z.string().min(1), unit: unitSchema, quantity, direction: z.enum(['allocate', 'reclaim']).default('allocate'), idempotencyKey: z.string().trim().min(1).max(255).optional() });

/** Moves days or points from the partner's pool to a client (or back, reclaiming what the client has not used). */
export async function allocateUnits(ctx: PartnerCtx, input: Untrusted<z.input<typeof allocateUnitsSchema>>) {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(allocateUnitsSchema, input);
  const book = partnerBook(ctx.partnerId);
  return getDb().transaction(async (tx) => {
    await clientOf(tx, ctx.partnerId, data.clientId);
    const pool = book.pool(data.unit);
    const client = book.clientPool(data.clientId, data.unit);
    const allocate = data.direction === 'allocate';
    const posted = await postSet(tx, ctx, {
      partnerId: ctx.partnerId,
      kind: allocate ? 'allocation' : 'reclaim',
      idempotencyKey: data.idempotencyKey ? `${data.direction}:${data.idempotencyKey}` : null,
      legs: [{ debit: allocate ? pool : client, credit: allocate ? client : pool, amount: BigInt(data.quantity), kind: allocate ? 'allocation' : 'reclaim', clientId: data.clientId }],
    });
    if (!posted.replayed) await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: `client.${data.unit}_${allocate ? 'allocated' : 'reclaimed'}`, targetType: 'client', targetId: data.clientId, after: { quantity: data.quantity } });
    const balanceOf = (key: typeof pool) => posted.accounts.get(posted.accountIds.get(accountKeyString(key)) ?? '')?.balance ?? null;
    return { unit: data.unit, quantity: data.quantity, pool: balanceOf(pool), client: balanceOf(client), replayed: posted.replayed };
  });
}
