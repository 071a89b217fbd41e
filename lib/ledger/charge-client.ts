import { z } from 'zod';
import { getDb, type Tx } from '@/db';
import { commissions } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { emitEvent } from '@/lib/events/emit-event';
import { priceOf } from '@/lib/prices/price-book';
import { productSchema } from '@/lib/prices/products';
import { accountKeyString } from './accounts';
import { clientOf, partnerBook } from './books';
import { ledgerNow } from './clock';
import { announceLowBalances } from './low-balance';
import { postSet, type Leg } from './post-set';

export const chargeClientSchema = z.object({
  clientId: z.string().min(1),
  product: productSchema,
  quantity: z.coerce.number().int('Charge a whole number of units.').min(1).max(1_000_000).default(1),
  /** What is being paid for, e.g. the number's id; the client's statement can be filtered by it. */
  objectId: z.string().trim().min(1).max(200).optional(),
  /** Makes the charge safe to retry, e.g. `rental:<number>:2026-12`. */
  idempotencyKey: z.string().trim().min(1).max(255).optional(),
  memo: z.string().trim().max(500).optional(),
});

export type ChargeResult = { chargeId: string; retail: bigint; wholesale: bigint; commission: bigint; walletBalance: bigint | null; prepaidBalance: bigint | null; replayed: boolean };

/**
 * Charges a client for a product: its wallet pays the partner's retail price and the partner's prepaid
 * balance pays the operator's wholesale price, as one linked set, so if either lacks funds nothing moves and
 * the error says which (`client_insufficient_funds` or `partner_insufficient_funds`) and by how much. The
 * difference is the partner's commission, recorded with the charge and announced as `commission.earned`.
 * Every capability that charges calls this; none moves money itself.
 */
export async function chargeClient(ctx: PartnerCtx, input: Untrusted<z.input<typeof chargeClientSchema>>): Promise<ChargeResult> {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(chargeClientSchema, input);
  return getDb().transaction((tx) => chargeInTransaction(tx, ctx, data));
}

export type ChargeOptions = {
  /** Runs once the charge is known to be new, before the balances are locked (e.g. recording what it pays for). */
  beforeLock?: (setId: string, price: { retail: bigint; wholesale: bigint }) => Promise<void>;
};

/** The charge itself, in the caller's transaction, for domain functions that record something with it. */
export async function chargeInTransaction(tx: Tx, ctx: PartnerCtx, data: z.output<typeof chargeClientSchema>, options: ChargeOptions = {}): Promise<ChargeResult> {
  const book = partnerBook(ctx.partnerId);
  await clientOf(tx, ctx.partnerId, data.clientId);
  const price = await priceOf(tx, ctx.partnerId, data.product);
  const retail = price.retail * BigInt(data.quantity);
  const wholesale = price.wholesale * BigInt(data.quantity);
  const what = { clientId: data.clientId, product: data.product, objectId: data.objectId ?? null, memo: data.memo ?? null, metadata: { quantity: data.quantity, unit_retail: String(price.retail), unit_wholesale: String(price.wholesale) } };
  const legs: Leg[] = [];
  if (retail > 0n) legs.push({ ...what, debit: book.wallet(data.clientId), credit: book.revenue, amount: retail, kind: 'charge' });
  if (wholesale > 0n) legs.push({ ...what, debit: book.prepaid, credit: book.operatorRevenue, amount: wholesale, kind: 'charge' });
  if (!legs.length) throw new AppError('validation_failed', 'This product is free; there is nothing to charge.');
  const commission = retail - wholesale;
  const posted = await postSet(tx, ctx, { partnerId: ctx.partnerId, kind: 'charge', idempotencyKey: data.idempotencyKey, legs }, {
    // A charge is recorded in the ledger itself (who made it is on every transfer), so no audit entry is
    // written per charge: capabilities charge per minute, and the audit log is for what people change.
    beforeLock: async (setId) => {
      await tx.insert(commissions).values({ partnerId: ctx.partnerId, clientId: data.clientId, setId, product: data.product, objectId: data.objectId ?? null, retail, wholesale, commission, createdAt: ledgerNow() });
      await emitEvent(tx, ctx.partnerId, 'commission.earned', { charge_id: setId, client_id: data.clientId, product: data.product, object_id: data.objectId ?? null, quantity: data.quantity, retail: Number(retail), wholesale: Number(wholesale), commission: Number(commission) });
      await options.beforeLock?.(setId, { retail, wholesale });
    },
  });
  const balanceOf = (key: Parameters<typeof accountKeyString>[0]) => posted.accounts.get(posted.accountIds.get(accountKeyString(key)) ?? '')?.balance ?? null;
  const result = { chargeId: posted.setId, retail, wholesale, commission, walletBalance: balanceOf(book.wallet(data.clientId)), prepaidBalance: balanceOf(book.prepaid), replayed: posted.replayed };
  // A replay moved nothing now: its commission and events were recorded the first time.
  if (!posted.replayed) await announceLowBalances(tx, ctx.partnerId, posted);
  return result;
}
