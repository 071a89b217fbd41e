import { getDb } from '@/db';
import type { PartnerCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError } from '@/lib/errors/app-error';
import { emitEvent } from '@/lib/events/emit-event';
import { autoBuyKeyPrefix, buyNumber } from '@/lib/numbers/buy-number';
import { searchNumbers } from '@/lib/numbers/search-numbers';
import { poolNumbers } from './allocate';
import { poolSettingsOf } from './pool-settings';

type Exhausted = AppError & { extensions?: { pool_size?: number; numbers_needed?: number } };

const exhausted = (error: Exhausted, message: string, extra: Record<string, string | number | boolean>) =>
  new AppError('pool_exhausted', message, undefined, undefined, { ...(error.extensions ?? {}), ...extra });

/**
 * When a client's pool cannot serve a session and its settings allow it, buys the numbers the pool needs from
 * the inventory — each a normal purchase (`buyNumber`: a ledger hold on the client's wallet, provisioning,
 * then the charge; `number.purchased`), which puts them in the pool once active, and records `masking_pool.auto_bought` in the
 * audit log and as an event. Answers whether the pool grew (the caller then tries the session again); throws
 * `pool_exhausted` saying why when auto-buy is on but could not help (the pool's limit, no stock, no money).
 * `reference` makes the purchases idempotent per session attempt.
 */
export async function autoBuyForPool(ctx: PartnerCtx, clientId: string, error: Exhausted, reference: string): Promise<boolean> {
  const settings = await poolSettingsOf(getDb(), clientId);
  if (!settings.autoBuy) return false;
  const size = error.extensions?.pool_size ?? 0;
  const needed = error.extensions?.numbers_needed ?? size + 1;
  // A session opened at the same time may have grown the pool already: try again before buying more.
  const now = (await getDb().transaction((tx) => poolNumbers(tx, ctx.partnerId, clientId))).length;
  if (now > size) return true;
  if (needed > settings.maxPoolSize) {
    throw exhausted(error, `${error.message} Auto-buy stops at ${settings.maxPoolSize} numbers for this pool; raise its limit or end a session.`, { auto_buy: 'limit_reached' });
  }
  const bought: Bought[] = [];
  for (let i = 0; i < needed - now; i++) {
    const offers = await searchNumbers(ctx, { country: 'IN', region: settings.region ?? undefined, type: settings.type, limit: 10 });
    let purchase: Awaited<ReturnType<typeof buyNumber>> | null = null;
    for (const [j, offer] of offers.entries()) {
      try {
        purchase = await buyNumber(ctx, { number: offer.id, clientId, idempotencyKey: `${autoBuyKeyPrefix}${reference}:${i}:${j}` });
        break;
      } catch (cause) {
        // Another buyer took this one between search and purchase, or the carrier refused it (nothing was
        // charged either way): the next offer will do.
        if (cause instanceof AppError && (cause.code === 'number_unavailable' || cause.code === 'provisioning_failed')) continue;
        const reason = cause instanceof AppError ? cause.message : 'the purchase failed.';
        throw exhausted(error, `${error.message} Auto-buy could not buy a number: ${reason}`, { auto_buy: 'purchase_failed' });
      }
    }
    if (!purchase) throw exhausted(error, `${error.message} Auto-buy found no ${settings.type.replace('_', '-')} number${settings.region ? ` in ${settings.region}` : ''} it could buy.`, { auto_buy: 'no_stock' });
    if (purchase.status !== 'completed') {
      // Bought, but the carrier is still provisioning it: it joins the pool when it is active (settlePurchase).
      await recordAutoBuy(ctx, clientId, now, needed, [...bought, { id: purchase.numberId, number: purchase.number, setup: purchase.setup, monthly: purchase.monthly, provisioning: true }]);
      throw exhausted(error, `${error.message} Auto-buy bought ${purchase.number}; the carrier is still provisioning it, and it joins the pool once active. Try again in a minute.`, { auto_buy: 'provisioning' });
    }
    bought.push({ id: purchase.numberId, number: purchase.number, setup: purchase.setup, monthly: purchase.monthly });
  }
  await recordAutoBuy(ctx, clientId, now, needed, bought);
  return bought.length > 0;
}

type Bought = { id: string; number: string; setup: bigint; monthly: bigint; provisioning?: boolean };

async function recordAutoBuy(ctx: PartnerCtx, clientId: string, before: number, needed: number, bought: Bought[]) {
  if (!bought.length) return;
  await getDb().transaction(async (tx) => {
    const numbers = bought.map((n) => ({ id: n.id, number: n.number, setup: Number(n.setup), monthly: Number(n.monthly), status: n.provisioning ? 'provisioning' : 'active' }));
    const data = { client_id: clientId, numbers, pool_size: before + bought.filter((n) => !n.provisioning).length, numbers_needed: needed };
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'masking_pool.auto_bought', targetType: 'client', targetId: clientId, before: { pool_size: before }, after: data });
    await emitEvent(tx, ctx.partnerId, 'masking_pool.auto_bought', data);
  });
}
