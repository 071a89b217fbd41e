import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { clients, usageEvents } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { listClients } from '@/lib/clients/manage-clients';
import { chargeClient } from '@/lib/ledger/charge-client';
import { addClientCredits } from '@/lib/ledger/client-credits';
import { atLedgerTime } from '@/lib/ledger/clock';
import { creditPartner } from '@/lib/ledger/money-in';
import { sqlRows } from '@/lib/ledger/sql-rows';
import { rollUpUsage } from '@/lib/usage/roll-up-usage';

const dayMs = 24 * 60 * 60 * 1000;
const istOffsetMs = 330 * 60 * 1000;

/**
 * Four months before the demo month, so the dashboard's and the Metrics page's charts have a history on first
 * start: an earlier payment and top-ups, call and masking minutes every few days, each metered as usage and
 * charged through the ledger with the usage naming its charge, a growing number of API requests, e-mails to
 * each client, recordings' storage, and clients who joined over those months. Runs after seedMoney (which
 * fills the last 30 days). Deterministic: the same partner gives the same history.
 */
export async function seedUsage(partnerId: string, now: Date = new Date()): Promise<void> {
  const ctx = { ...systemCtx, partnerId };
  const at = (daysAgo: number, hour = 10) => new Date(Math.floor(now.getTime() / dayMs) * dayMs - daysAgo * dayMs + hour * 3_600_000);
  let seed = partnerId.split('').reduce((sum, c) => sum + c.charCodeAt(0), 7);
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const firstDay = 150;

  await atLedgerTime(at(firstDay, 9), () => creditPartner(systemCtx, { partnerId, amount: 1_50_000_00n, reference: `DEMO${partnerId.slice(-8).toUpperCase()}H`, memo: 'Opening payment (earlier)' }));
  const active = (await listClients(ctx, { status: 'active', limit: 20 })).data;
  // The clients joined over the months (the newest most recently), as a partner's book grows.
  const all = (await listClients(ctx, { limit: 50 })).data;
  const joinedDaysAgo = new Map(all.map((client, index) => [client.id, Math.max(35, firstDay - 5 - (all.length - 1 - index) * 25)]));
  for (const client of all) {
    await getDb().update(clients).set({ createdAt: at(joinedDaysAgo.get(client.id)!, 11) }).where(and(eq(clients.id, client.id), eq(clients.partnerId, partnerId)));
  }
  const usage: (typeof usageEvents.$inferInsert)[] = [];
  for (const [index, client] of active.entries()) {
    const joined = joinedDaysAgo.get(client.id) ?? 35;
    await atLedgerTime(at(joined, 12), () => addClientCredits(ctx, { clientId: client.id, amount: 10_000_00n, memo: 'Opening top-up' }));
    // Usage grows month by month (the charts' trend): more minutes the nearer to now.
    for (let daysAgo = joined - 1; daysAgo > 30; daysAgo -= 3) {
      const growth = 1 + (firstDay - daysAgo) / firstDay;
      const minutes = Math.round((20 + random() * 90) * growth);
      const when = at(daysAgo, 13 + (daysAgo % 6));
      const masking = daysAgo % 9 === 0;
      const product = masking ? 'masking_minute' : daysAgo % 2 ? 'call_minute_outbound' : 'call_minute_inbound';
      const key = `demo:usage:${client.id}:${daysAgo}`;
      const charge = await atLedgerTime(when, () => chargeClient(ctx, { clientId: client.id, product, quantity: minutes, objectId: key, idempotencyKey: key, memo: `${minutes} minutes (demo history)` }));
      usage.push({ partnerId, clientId: client.id, kind: masking ? 'masking_minutes' : 'call_minutes', quantity: BigInt(minutes), idempotencyKey: key, sourceId: key, chargeId: charge.chargeId, occurredAt: when });
    }
    for (let daysAgo = joined - 1; daysAgo >= 0; daysAgo -= 1) {
      const requests = Math.round((30 + random() * 120) * (1 + (firstDay - daysAgo) / firstDay));
      usage.push({ partnerId, clientId: client.id, kind: 'api_requests', quantity: BigInt(requests), idempotencyKey: `demo:api:${client.id}:${daysAgo}`, occurredAt: at(daysAgo, 9 + (daysAgo % 8)) });
      // Calls its flows ran that day, about a fifth of the requests (the usage tab's flow executions).
      usage.push({ partnerId, clientId: client.id, kind: 'flow_executions', quantity: BigInt(Math.max(1, Math.round(requests / 5))), idempotencyKey: `demo:flows:${client.id}:${daysAgo}`, occurredAt: at(daysAgo, 10 + (daysAgo % 7)) });
      // E-mails sent to the client, as the outbox meters them: its invoice on the 1st of each IST month and a
      // notice (low balance, validity, a ticket's reply) every few days; chosen without random() so the
      // figures above stay as they were.
      const mailedAt = at(daysAgo, 5);
      const invoiceDay = new Date(mailedAt.getTime() + istOffsetMs).getUTCDate() === 1;
      if (invoiceDay || (daysAgo + index) % 4 === 0) {
        usage.push({ partnerId, clientId: client.id, kind: 'messages', channel: 'email', quantity: 1n, idempotencyKey: `demo:messages:${client.id}:${daysAgo}`, occurredAt: mailedAt });
      }
    }
    usage.push({ partnerId, clientId: client.id, kind: 'storage_bytes', quantity: BigInt(180_000 + index * 45_000), idempotencyKey: `demo:storage:${client.id}`, occurredAt: at(joined - 2, 15) });
  }
  // The last 30 days' minutes were charged by seedMoney: meter them too, each naming its charge.
  const recent = await sqlRows<{ set_id: string; client_id: string; product: string; created_at: string; quantity: number }>(
    getDb(),
    sql`select distinct on (c.set_id) c.set_id, c.client_id, c.product, to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at, (t.metadata->>'quantity')::int as quantity
      from commissions c join ledger_transfers t on t.set_id = c.set_id
      where c.partner_id = ${partnerId} and c.retail > 0 and c.product in ('call_minute_inbound', 'call_minute_outbound', 'masking_minute') and c.created_at > ${at(31).toISOString()}::timestamptz`,
  );
  for (const row of recent) {
    usage.push({ partnerId, clientId: row.client_id, kind: row.product === 'masking_minute' ? 'masking_minutes' : 'call_minutes', quantity: BigInt(row.quantity ?? 1), idempotencyKey: `demo:charged:${row.set_id}`, sourceId: row.set_id, chargeId: row.set_id, occurredAt: new Date(row.created_at) });
  }
  for (let i = 0; i < usage.length; i += 500) await getDb().insert(usageEvents).values(usage.slice(i, i + 500)).onConflictDoNothing();
  if (usage.length) await rollUpUsage();
}
