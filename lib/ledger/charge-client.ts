import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { getDb, inAmbientTransaction, type Tx } from '@/db';
import { commissions, type LedgerAccountKind, type LedgerUnit } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { AppError, notFound } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { emitEvent } from '@/lib/events/emit-event';
import { endpointsFor, eventRowsSql } from '@/lib/events/event-rows-sql';
import { newId } from '@/lib/ids';
import { priceColumnsSql, pricedPartnerCte, priceFromRow, priceOf, type PriceRow, type ProductPrice } from '@/lib/prices/price-book';
import { productSchema } from '@/lib/prices/products';
import { accountKeyString, resolveAccounts } from './accounts';
import { clientOf, partnerBook } from './books';
import { ledgerNow } from './clock';
import { announceLowBalances } from './low-balance';
import { postSet, type Leg, type PostedSet } from './post-set';
import { postQueued } from './charge-queue';
import { TakeTransactionalPath } from './post-set-at-once';
import { preparedRows } from './sql-rows';

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
 *
 * The usual charge is written in one statement that commits by itself (chargeAtOnce): capabilities charge per
 * minute, often on one client's wallet, and that wallet's row is then locked only while PostgreSQL runs the
 * statement. A charge that lacks funds or crosses a low-balance threshold, or one made inside a larger
 * transaction, takes the transactional path (chargeInTransaction), which explains the refusal or writes the
 * alert; both paths write the same rows.
 */
export async function chargeClient(ctx: PartnerCtx, input: Untrusted<z.input<typeof chargeClientSchema>>): Promise<ChargeResult> {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(chargeClientSchema, input);
  if (!inAmbientTransaction()) {
    try {
      return await chargeAtOnce(ctx, data);
    } catch (error) {
      if (!(error instanceof TakeTransactionalPath)) throw error;
    }
  }
  return getDb().transaction((tx) => chargeInTransaction(tx, ctx, data));
}

type ChargeData = z.output<typeof chargeClientSchema>;

/** The charge's two legs at these prices, its commission and its `commission.earned` payload. */
function chargeSet(partnerId: string, data: ChargeData, price: ProductPrice) {
  const book = partnerBook(partnerId);
  const retail = price.retail * BigInt(data.quantity);
  const wholesale = price.wholesale * BigInt(data.quantity);
  const what = { clientId: data.clientId, product: data.product, objectId: data.objectId ?? null, memo: data.memo ?? null, metadata: { quantity: data.quantity, unit_retail: String(price.retail), unit_wholesale: String(price.wholesale) } };
  const legs: Leg[] = [];
  if (retail > 0n) legs.push({ ...what, debit: book.wallet(data.clientId), credit: book.revenue, amount: retail, kind: 'charge' });
  if (wholesale > 0n) legs.push({ ...what, debit: book.prepaid, credit: book.operatorRevenue, amount: wholesale, kind: 'charge' });
  if (!legs.length) throw new AppError('validation_failed', 'This product is free; there is nothing to charge.');
  const commission = retail - wholesale;
  const event = (setId: string) => ({ charge_id: setId, client_id: data.clientId, product: data.product, object_id: data.objectId ?? null, quantity: data.quantity, retail: Number(retail), wholesale: Number(wholesale), commission: Number(commission) });
  const request = { partnerId, kind: 'charge' as const, idempotencyKey: data.idempotencyKey, legs };
  return { book, retail, wholesale, commission, legs, event, request };
}

function resultOf(book: ReturnType<typeof partnerBook>, clientId: string, posted: PostedSet, amounts: { retail: bigint; wholesale: bigint; commission: bigint }): ChargeResult {
  const balanceOf = (key: Parameters<typeof accountKeyString>[0]) => posted.accounts.get(posted.accountIds.get(accountKeyString(key)) ?? '')?.balance ?? null;
  return { chargeId: posted.setId, ...amounts, walletBalance: balanceOf(book.wallet(clientId)), prepaidBalance: balanceOf(book.prepaid), replayed: posted.replayed };
}

/**
 * The charge as one read that locks nothing (the client, the price, the accounts and the webhook endpoints),
 * then one statement that writes the set, its transfers, the commission, the event and its deliveries, the
 * balances and the entries, and commits by itself; charges of one partner that meet share that statement. Throws TakeTransactionalPath (having written nothing) when
 * that statement was abandoned.
 */
async function chargeAtOnce(ctx: PartnerCtx, data: ChargeData): Promise<ChargeResult> {
  const db = getDb();
  const book = partnerBook(ctx.partnerId);
  const [quote] = await preparedRows<PriceRow & { client_id: string | null; endpoints: { id: string; event_types: string[] }[]; accounts: AccountKeyRow[] }>(
    db,
    sql`with ${pricedPartnerCte(ctx.partnerId)}
      select ${priceColumnsSql(data.product)},
        (select id from clients where id = ${data.clientId} and partner_id = ${ctx.partnerId}) as client_id,
        (select coalesce(json_agg(json_build_object('id', id, 'event_types', event_types)), '[]'::json) from webhook_endpoints where partner_id = ${ctx.partnerId} and status = 'enabled') as endpoints,
        (select coalesce(json_agg(json_build_object('id', id, 'partnerId', partner_id, 'kind', kind, 'unit', unit, 'clientId', client_id)), '[]'::json) from ledger_accounts
          where partner_id = ${ctx.partnerId} and unit = 'inr' and ((kind = 'client_wallet' and client_id = ${data.clientId}) or (client_id is null and kind in ('partner_revenue', 'partner_prepaid', 'operator_revenue')))) as accounts
      from priced`,
  );
  if (!quote) throw notFound('Partner');
  // The client is checked before any account is named after it: another partner's client is a 404.
  if (!quote.client_id) throw notFound('Client');
  // Drivers differ on whether json arrives parsed.
  const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);
  const [endpoints, accounts] = [json(quote.endpoints), json(quote.accounts)];
  const charge = chargeSet(ctx.partnerId, data, priceFromRow(data.product, quote));
  const keys = charge.legs.flatMap((leg) => [leg.debit, leg.credit]);
  let accountIds = new Map(accounts.map((row) => [accountKeyString(row), row.id]));
  // The first charge of a client (or partner) creates its accounts.
  if (keys.some((key) => !accountIds.has(accountKeyString(key)))) accountIds = await resolveAccounts(db, keys);
  // Queued per partner: every charge of a partner debits its prepaid balance, the row they all wait on.
  const posted = await postQueued(`charge:${ctx.partnerId}`, {
    ctx,
    request: charge.request,
    accountIds,
    withSet: (setId, names) => [
      {
        name: `${names.prefix}commission_row`,
        body: sql`insert into commissions (id, partner_id, client_id, set_id, product, object_id, retail, wholesale, commission, created_at)
          select ${newId('commission')}, ${ctx.partnerId}, ${data.clientId}, s.id, ${data.product}, ${data.objectId ?? null}::text, ${charge.retail.toString()}::bigint, ${charge.wholesale.toString()}::bigint, ${charge.commission.toString()}::bigint, ${ledgerNow().toISOString()}::timestamptz from ${sql.raw(names.set)} s
          returning 1`,
      },
      ...eventRowsSql(`${names.prefix}commission`, names.set, ctx.partnerId, 'commission.earned', charge.event(setId), endpointsFor(endpoints, 'commission.earned')),
    ],
  });
  return resultOf(book, data.clientId, posted, charge);
}

type AccountKeyRow = { id: string; partnerId: string; kind: LedgerAccountKind; unit: LedgerUnit; clientId: string | null };

export type ChargeOptions = {
  /** Runs once the charge is known to be new, before the balances are locked (e.g. recording what it pays for). */
  beforeLock?: (setId: string, price: { retail: bigint; wholesale: bigint }) => Promise<void>;
};

/** The charge in the caller's transaction, for domain functions that record something with it. */
export async function chargeInTransaction(tx: Tx, ctx: PartnerCtx, data: ChargeData, options: ChargeOptions = {}): Promise<ChargeResult> {
  await clientOf(tx, ctx.partnerId, data.clientId);
  const price = await priceOf(tx, ctx.partnerId, data.product);
  const charge = chargeSet(ctx.partnerId, data, price);
  const { retail, wholesale, commission } = charge;
  const posted = await postSet(tx, ctx, charge.request, {
    // A charge is recorded in the ledger itself (who made it is on every transfer), so no audit entry is
    // written per charge: capabilities charge per minute, and the audit log is for what people change.
    beforeLock: async (setId) => {
      await tx.insert(commissions).values({ partnerId: ctx.partnerId, clientId: data.clientId, setId, product: data.product, objectId: data.objectId ?? null, retail, wholesale, commission, createdAt: ledgerNow() });
      await emitEvent(tx, ctx.partnerId, 'commission.earned', charge.event(setId));
      await options.beforeLock?.(setId, { retail, wholesale });
    },
  });
  // A replay moved nothing now: its commission and events were recorded the first time.
  if (!posted.replayed) await announceLowBalances(tx, ctx.partnerId, posted);
  return resultOf(charge.book, data.clientId, posted, charge);
}
