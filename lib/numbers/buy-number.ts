import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Tx } from '@/db';
import { commissions, numberAssignments, numberHolds, numberPurchases, numbers, type NumberPurchase } from '@/db/schema';
import { systemCtx, type Ctx, type PartnerCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { isUniqueViolation } from '@/lib/errors/postgres';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { emitEvent } from '@/lib/events/emit-event';
import { newId } from '@/lib/ids';
import { partnerBook, clientOf } from '@/lib/ledger/books';
import { ledgerNow } from '@/lib/ledger/clock';
import { createHold, resolveHold } from '@/lib/ledger/holds';
import type { Leg } from '@/lib/ledger/post-set';
import { pricesFor } from '@/lib/prices/price-book';
import { inventoryCarrierNamed } from '@/lib/providers/carrier';
import type { ProvisionResult } from '@/lib/providers/carrier/carrier-provider';
import { actorOf } from './actor';
import { environmentOf } from './environment';
import { unavailable } from './hold-number';
import { findNumber, numberRefSchema } from './number-lookup';
import { numberProducts } from './number-types';
import { nextPeriod, periodOf } from '@/lib/periods/ist-month';

export const buyNumberSchema = z.object({
  number: numberRefSchema.meta({ description: 'The number’s id (from a search or hold) or the number in E.164.', example: '+911143104501' }),
  clientId: z.string('Choose the client the number is for.').trim().min(1, 'Choose the client the number is for.').max(64),
  /** The same key answers with the same purchase: one number, one charge, however often it is sent. */
  idempotencyKey: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().min(1).max(255).optional()),
});

/** The idempotency keys of purchases a masking pool's auto-buy makes (lib/masking/auto-buy.ts). */
export const autoBuyKeyPrefix = 'masking-auto-buy:';

/** How long the ledger hold of a purchase waits for a slow provisioning before it can only be voided. */
export const provisioningTimeoutMs = 24 * 60 * 60_000;

export type PurchaseView = {
  id: string;
  status: NumberPurchase['status'];
  numberId: string;
  number: string;
  clientId: string;
  setup: bigint;
  monthly: bigint;
  failureCode: string | null;
  failureReason: string | null;
  createdAt: Date;
  completedAt: Date | null;
  replayed: boolean;
};

const digestOf = (numberKey: string, clientId: string) => createHash('sha256').update(JSON.stringify({ number: numberKey, clientId })).digest('hex');

async function viewOf(q: Pick<Tx, 'select'>, purchase: NumberPurchase, replayed: boolean): Promise<PurchaseView> {
  const [number] = await q.select({ e164: numbers.e164 }).from(numbers).where(eq(numbers.id, purchase.numberId)).limit(1);
  return {
    id: purchase.id,
    status: purchase.status,
    numberId: purchase.numberId,
    number: number?.e164 ?? '',
    clientId: purchase.clientId,
    setup: purchase.setupRetail,
    monthly: purchase.monthlyRetail,
    failureCode: purchase.failureCode,
    failureReason: purchase.failureReason,
    createdAt: purchase.createdAt,
    completedAt: purchase.completedAt,
    replayed,
  };
}

/** A failed purchase answers as an error, the first time and on every replay. */
function failureOf(purchase: PurchaseView): AppError | null {
  if (purchase.status !== 'failed') return null;
  if (purchase.failureCode === 'number_unavailable') return unavailable(purchase.failureReason ?? undefined);
  return new AppError('provisioning_failed', purchase.failureReason ?? 'The carrier could not provision this number; nothing was charged.');
}

async function byKey(q: Pick<Tx, 'select'>, partnerId: string, key: string) {
  const [row] = await q.select().from(numberPurchases).where(and(eq(numberPurchases.partnerId, partnerId), eq(numberPurchases.idempotencyKey, key))).limit(1);
  return row;
}

function replayOf(existing: NumberPurchase, digest: string) {
  if (existing.requestDigest !== digest) throw new AppError('idempotency_key_reused', 'This idempotency key was used for another purchase; nothing was bought.');
  return { purchase: existing, replayed: true };
}

/**
 * Step one, in one transaction: the number is taken (held by the caller, or available), the client checked
 * (active: KYC complete), and setup + first month held on its wallet at retail and on the partner's balance at
 * wholesale. If any of that fails, nothing changed.
 */
async function startPurchase(ctx: PartnerCtx, data: z.infer<typeof buyNumberSchema>, now: Date): Promise<{ purchase: NumberPurchase; replayed: boolean }> {
  const numberKey = data.number.id ?? data.number.e164!;
  const digest = digestOf(numberKey, data.clientId);
  return getDb().transaction(async (tx) => {
    if (data.idempotencyKey) {
      const existing = await byKey(tx, ctx.partnerId, data.idempotencyKey);
      if (existing) return replayOf(existing, digest);
    }
    const environment = await environmentOf(tx, ctx.partnerId);
    const client = await clientOf(tx, ctx.partnerId, data.clientId);
    const number = await findNumber(tx, environment, data.number, true);
    if (data.idempotencyKey) {
      // A concurrent replay with the same key may have taken the number while this one waited for its lock.
      const existing = await byKey(tx, ctx.partnerId, data.idempotencyKey);
      if (existing) return replayOf(existing, digest);
    }
    const heldByUs = number.status === 'held' && number.partnerId === ctx.partnerId && number.holdExpiresAt && number.holdExpiresAt > now;
    const lapsed = number.status === 'held' && (!number.holdExpiresAt || number.holdExpiresAt <= now);
    if (heldByUs && number.clientId && number.clientId !== data.clientId) throw unavailable('You hold this number for another client; buy it for that client or let the hold lapse.');
    if (number.status === 'held' && !heldByUs && !lapsed) {
      if (number.partnerId === ctx.partnerId) throw new AppError('number_hold_expired', 'Your hold on this number lapsed; hold it again before buying.');
      throw unavailable('Another partner holds this number; search again.');
    }
    if (number.status !== 'available' && number.status !== 'held') throw unavailable();
    if (client.status !== 'active') throw new AppError('client_not_active', 'Only an active client, whose KYC is complete, may get a number.', { clientId: 'This client is not active yet: its KYC must be complete.' });

    const products = numberProducts[number.type];
    const prices = new Map((await pricesFor(tx, ctx.partnerId)).map((p) => [p.product, p]));
    const setup = prices.get(products.setup)!;
    const rental = prices.get(products.rental)!;
    const purchaseId = newId('numberPurchase');
    const book = partnerBook(ctx.partnerId);
    const what = { clientId: client.id, objectId: number.id, kind: 'purchase' as const };
    const legs: Leg[] = [
      { ...what, product: products.setup, debit: book.wallet(client.id), credit: book.revenue, amount: setup.retail, memo: `Setup of ${number.e164}` },
      { ...what, product: products.rental, debit: book.wallet(client.id), credit: book.revenue, amount: rental.retail, memo: `${number.e164}, ${periodOf(now).key}` },
      { ...what, product: products.setup, debit: book.prepaid, credit: book.operatorRevenue, amount: setup.wholesale, memo: `Setup of ${number.e164}` },
      { ...what, product: products.rental, debit: book.prepaid, credit: book.operatorRevenue, amount: rental.wholesale, memo: `${number.e164}, ${periodOf(now).key}` },
    ].filter((leg) => leg.amount > 0n);
    const ledgerHold = legs.length
      ? await createHold(tx, ctx, { partnerId: ctx.partnerId, kind: 'purchase', legs, expiresAt: new Date(now.getTime() + provisioningTimeoutMs), idempotencyKey: `number-purchase:${purchaseId}` })
      : null;
    const [assignment] = await tx
      .insert(numberAssignments)
      .values({ numberId: number.id, partnerId: ctx.partnerId, clientId: client.id, status: 'provisioning', setupProduct: products.setup, rentalProduct: products.rental, assignedAt: now })
      .returning();
    let purchase: NumberPurchase;
    try {
      [purchase] = (await tx
        .insert(numberPurchases)
        .values({
          id: purchaseId,
          partnerId: ctx.partnerId,
          clientId: client.id,
          numberId: number.id,
          assignmentId: assignment!.id,
          idempotencyKey: data.idempotencyKey ?? null,
          requestDigest: digest,
          status: 'provisioning',
          ledgerSetId: ledgerHold?.setId ?? null,
          setupRetail: setup.retail,
          monthlyRetail: rental.retail,
          ...actorOf(ctx),
        })
        .returning()) as [NumberPurchase];
    } catch (error) {
      if (isUniqueViolation(error, 'number_purchases_partner_key')) throw new AppError('idempotency_in_progress', 'A purchase with this idempotency key is in progress; retry in a moment.');
      throw error;
    }
    await tx.update(numberHolds).set({ status: 'purchased' }).where(and(eq(numberHolds.numberId, number.id), eq(numberHolds.status, 'active')));
    await tx.update(numbers).set({ status: 'assigned', partnerId: ctx.partnerId, clientId: client.id, holdExpiresAt: null }).where(eq(numbers.id, number.id));
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'number.purchase_started', targetType: 'number', targetId: number.id, after: { purchase_id: purchaseId, client_id: client.id, setup: String(setup.retail), monthly: String(rental.retail) } });
    return { purchase, replayed: false };
  });
}

/**
 * Step three, in one transaction, once the carrier has answered: provisioned posts the ledger hold (the
 * charge) and activates the number; refused or taken voids it (nothing charged) and puts the number back (or
 * withdraws it, when the carrier sold it elsewhere); still pending leaves everything as it is for the worker.
 * A purchase settles once: a second settlement finds it settled and does nothing.
 */
export async function settlePurchase(ctx: Ctx, purchaseId: string, result: ProvisionResult, now: Date = new Date()): Promise<NumberPurchase> {
  return getDb().transaction(async (tx) => {
    const [purchase] = await tx.select().from(numberPurchases).where(eq(numberPurchases.id, purchaseId)).limit(1).for('update');
    if (!purchase) throw new AppError('not_found', 'Purchase was not found.');
    if (purchase.status !== 'provisioning') return purchase;
    const [number] = await tx.select().from(numbers).where(eq(numbers.id, purchase.numberId)).limit(1).for('update');
    const partnerCtx = { ...ctx, partnerId: purchase.partnerId };
    if (result.status === 'pending') {
      await tx.update(numbers).set({ carrierRef: result.carrierRef }).where(eq(numbers.id, purchase.numberId));
      return purchase;
    }
    if (result.status === 'active') {
      if (purchase.ledgerSetId) {
        const posted = await resolveHold(tx, partnerCtx, { partnerId: purchase.partnerId, setId: purchase.ledgerSetId, action: 'post', memo: `Number ${number!.e164}`, now });
        await recordCommissions(tx, purchase, posted.setId);
      }
      await tx.update(numberAssignments).set({ status: 'active', paidThrough: nextPeriod(periodOf(now)).key }).where(eq(numberAssignments.id, purchase.assignmentId!));
      // A masking pool's auto-buy joins the number to the pool once it is active (at once, or when a slow
      // provisioning completes).
      const forPool = purchase.idempotencyKey?.startsWith(autoBuyKeyPrefix) ?? false;
      await tx.update(numbers).set({ carrierRef: result.carrierRef, ...(forPool ? { masking: true } : {}) }).where(eq(numbers.id, purchase.numberId));
      if (forPool) await recordAudit(tx, partnerCtx, { partnerId: purchase.partnerId, action: 'masking_pool.number_added', targetType: 'number', targetId: purchase.numberId, before: { masking: false }, after: { masking: true, client_id: purchase.clientId, via: 'auto_buy' } });
      const [done] = await tx.update(numberPurchases).set({ status: 'completed', completedAt: now }).where(eq(numberPurchases.id, purchase.id)).returning();
      await recordAudit(tx, partnerCtx, { partnerId: purchase.partnerId, action: 'number.purchased', targetType: 'number', targetId: purchase.numberId, after: { purchase_id: purchase.id, client_id: purchase.clientId } });
      await emitEvent(tx, purchase.partnerId, 'number.purchased', {
        purchase_id: purchase.id,
        number_id: purchase.numberId,
        number: number!.e164,
        client_id: purchase.clientId,
        setup: Number(purchase.setupRetail),
        monthly: Number(purchase.monthlyRetail),
      });
      return done!;
    }
    if (purchase.ledgerSetId) await resolveHold(tx, partnerCtx, { partnerId: purchase.partnerId, setId: purchase.ledgerSetId, action: 'void', memo: result.reason, now });
    await tx.update(numberAssignments).set({ status: 'released', releasedAt: now, releaseReason: 'provisioning_failed' }).where(eq(numberAssignments.id, purchase.assignmentId!));
    await tx
      .update(numbers)
      .set({ status: result.status === 'taken' ? 'withdrawn' : 'available', partnerId: null, clientId: null, masking: false })
      .where(eq(numbers.id, purchase.numberId));
    const failureCode = result.status === 'taken' ? 'number_unavailable' : 'provisioning_failed';
    const [failed] = await tx.update(numberPurchases).set({ status: 'failed', failureCode, failureReason: result.reason, completedAt: now }).where(eq(numberPurchases.id, purchase.id)).returning();
    await recordAudit(tx, partnerCtx, { partnerId: purchase.partnerId, action: 'number.purchase_failed', targetType: 'number', targetId: purchase.numberId, after: { purchase_id: purchase.id, reason: result.reason, code: failureCode } });
    return failed!;
  });
}

/** The partner's margin on the setup and first month, as every charge records it. */
async function recordCommissions(tx: Tx, purchase: NumberPurchase, setId: string) {
  const [assignment] = await tx.select().from(numberAssignments).where(eq(numberAssignments.id, purchase.assignmentId!)).limit(1);
  const prices = new Map((await pricesFor(tx, purchase.partnerId)).map((p) => [p.product, p]));
  for (const product of [assignment!.setupProduct, assignment!.rentalProduct]) {
    const price = prices.get(product as never)!;
    const retail = product === assignment!.setupProduct ? purchase.setupRetail : purchase.monthlyRetail;
    await tx.insert(commissions).values({ partnerId: purchase.partnerId, clientId: purchase.clientId, setId, product, objectId: purchase.numberId, retail, wholesale: price.wholesale, commission: retail - price.wholesale, createdAt: ledgerNow() });
    await emitEvent(tx, purchase.partnerId, 'commission.earned', { charge_id: setId, client_id: purchase.clientId, product, object_id: purchase.numberId, quantity: 1, retail: Number(retail), wholesale: Number(price.wholesale), commission: Number(retail - price.wholesale) });
  }
}

/** Asks the carrier, outside any transaction (it may be slow); an error leaves the purchase for the worker. */
async function provisionWithCarrier(purchase: NumberPurchase): Promise<ProvisionResult | null> {
  const [number] = await getDb().select().from(numbers).where(eq(numbers.id, purchase.numberId)).limit(1);
  const carrier = inventoryCarrierNamed(number!.carrier, number!.environment);
  try {
    if (number!.carrierRef) return await carrier.provisioningStatus({ e164: number!.e164, carrierRef: number!.carrierRef, reference: purchase.id });
    return await carrier.provision({ e164: number!.e164, reference: purchase.id });
  } catch {
    return null;
  }
}

/**
 * Buys a number for a client as one idempotent operation: hold the money, provision with the carrier,
 * assign, then post the hold — or void it when provisioning fails, so a client is never charged for a number
 * it did not get, and never twice. A slow provisioning answers `provisioning`; the worker completes it.
 */
export async function buyNumber(ctx: PartnerCtx, input: Untrusted<z.input<typeof buyNumberSchema>>, now: Date = new Date()): Promise<PurchaseView> {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(buyNumberSchema, input);
  const started = await startPurchase(ctx, data, now);
  let purchase = started.purchase;
  if (!started.replayed) {
    const result = await provisionWithCarrier(purchase);
    if (result) purchase = await settlePurchase(ctx, purchase.id, result, now);
  }
  const view = await viewOf(getDb(), purchase, started.replayed);
  const failure = failureOf(view);
  if (failure) throw failure;
  return view;
}

export async function getPurchase(ctx: PartnerCtx, purchaseId: string): Promise<PurchaseView> {
  requirePartnerRole(ctx, 'member');
  const [purchase] = await getDb().select().from(numberPurchases).where(and(eq(numberPurchases.id, purchaseId), eq(numberPurchases.partnerId, ctx.partnerId))).limit(1);
  if (!purchase) throw new AppError('not_found', 'Purchase was not found.');
  return viewOf(getDb(), purchase, false);
}

/**
 * The worker's sweep: purchases still provisioning (slow carriers, or a server that stopped between steps)
 * are asked about again; those past the ledger hold's timeout are failed, which voids their hold.
 */
export async function advancePendingPurchases(now: Date = new Date(), limit = 50): Promise<number> {
  const pending = await getDb().select().from(numberPurchases).where(eq(numberPurchases.status, 'provisioning')).orderBy(numberPurchases.createdAt).limit(limit);
  let settled = 0;
  for (const purchase of pending) {
    if (now.getTime() - purchase.createdAt.getTime() < 5_000) continue;
    const timedOut = now.getTime() - purchase.createdAt.getTime() >= provisioningTimeoutMs - 60_000;
    const result: ProvisionResult | null = timedOut ? { status: 'failed', reason: 'The carrier did not complete provisioning in time.' } : await provisionWithCarrier(purchase);
    if (!result || result.status === 'pending') continue;
    await settlePurchase(systemCtx, purchase.id, result, now);
    settled += 1;
  }
  return settled;
}
