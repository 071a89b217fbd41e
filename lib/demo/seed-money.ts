import { systemCtx } from '@/lib/audit/context';
import { listClients } from '@/lib/clients/manage-clients';
import { chargeClient } from '@/lib/ledger/charge-client';
import { addClientCredits } from '@/lib/ledger/client-credits';
import { atLedgerTime } from '@/lib/ledger/clock';
import { setLowBalanceThreshold } from '@/lib/ledger/low-balance';
import { creditPartner } from '@/lib/ledger/money-in';
import { refundCharge } from '@/lib/ledger/refund-charge';
import { allocateUnits, buyUnits } from '@/lib/ledger/units';
import { setRetailPrice } from '@/lib/prices/price-book';

const dayMs = 24 * 60 * 60 * 1000;

/**
 * A month of money for one demo partner, so a newcomer sees Billing, a client's Wallet and Commissions full:
 * two payments recorded by the operator, retail prices above list on two products, each active client topped
 * up and charged most days (call minutes in and out, a number's rental, an agent seat), one refund, days bought
 * and allocated, and low-balance alerts set. Deterministic: the same seed gives the same month.
 */
export async function seedMoney(partnerId: string, now: Date = new Date()): Promise<void> {
  const ctx = { ...systemCtx, partnerId };
  const at = (daysAgo: number, hour = 10) => new Date(Math.floor(now.getTime() / dayMs) * dayMs - daysAgo * dayMs + hour * 3_600_000);
  let seed = partnerId.split('').reduce((sum, c) => sum + c.charCodeAt(0), 0);
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

  await atLedgerTime(at(30, 9), () => creditPartner(systemCtx, { partnerId, amount: 2_50_000_00n, reference: `DEMO${partnerId.slice(-8).toUpperCase()}A`, memo: 'Opening payment' }));
  await atLedgerTime(at(12, 9), () => creditPartner(systemCtx, { partnerId, amount: 1_00_000_00n, reference: `DEMO${partnerId.slice(-8).toUpperCase()}B`, memo: 'Top-up' }));
  await setRetailPrice(ctx, { product: 'call_minute_outbound', amount: 100n });
  await setRetailPrice(ctx, { product: 'number_rental_local', amount: 35_000n });
  await setLowBalanceThreshold(ctx, { threshold: 25_000_00n });

  const clients = (await listClients(ctx, { status: 'active', limit: 20 })).data;
  for (const [index, client] of clients.entries()) {
    const number = `+9111431045${String(10 + index).padStart(2, '0')}`;
    await atLedgerTime(at(30, 11), () => addClientCredits(ctx, { clientId: client.id, amount: 15_000_00n, validTill: new Date(now.getTime() + (45 + index * 15) * dayMs), memo: 'Monthly plan' }));
    await setLowBalanceThreshold(ctx, { clientId: client.id, threshold: 1_000_00n });
    await atLedgerTime(at(29, 12), () => chargeClient(ctx, { clientId: client.id, product: 'number_rental_local', objectId: number, idempotencyKey: `demo:rental:${number}` }));
    await atLedgerTime(at(29, 12), () => chargeClient(ctx, { clientId: client.id, product: 'agent_seat_month', objectId: `agent-${index + 1}` }));
    // A few days' minutes as one charge (as a usage roll-up would post them), outbound and inbound in turn:
    // enough for the pages and the forecast, few enough that a first start stays quick.
    for (let daysAgo = 28; daysAgo >= 0; daysAgo -= 4) {
      if (random() < 0.15) continue; // a quiet spell
      const product = daysAgo % 2 ? 'call_minute_outbound' : 'call_minute_inbound';
      await atLedgerTime(at(daysAgo, 13 + (daysAgo % 5)), () => chargeClient(ctx, { clientId: client.id, product, quantity: 40 + Math.floor(random() * 240), objectId: number }));
    }
    if (index === 0) {
      const mistaken = await atLedgerTime(at(8, 15), () => chargeClient(ctx, { clientId: client.id, product: 'voice_bot_month', objectId: 'bot-trial' }));
      await atLedgerTime(at(7, 10), () => refundCharge(ctx, { chargeId: mistaken.chargeId, reason: 'Bot trial cancelled in its first week' }));
      await atLedgerTime(at(15, 10), () => addClientCredits(ctx, { clientId: client.id, amount: 5_000_00n, memo: 'Mid-month top-up' }));
    }
  }
  await atLedgerTime(at(20, 10), () => buyUnits(ctx, { unit: 'days', quantity: 60 }));
  if (clients[0]) await atLedgerTime(at(20, 11), () => allocateUnits(ctx, { clientId: clients[0]!.id, unit: 'days', quantity: 20 }));
}
