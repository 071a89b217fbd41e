import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { clients, ledgerAccounts } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';

/** The clients that may get a number (active: KYC complete), with what their wallets can spend, for the buy form. */
export async function numberBuyers(ctx: PartnerCtx, limit = 200) {
  requirePartnerRole(ctx, 'member');
  const rows = await getDb()
    .select({ id: clients.id, name: clients.name, balance: ledgerAccounts.balance, held: ledgerAccounts.held })
    .from(clients)
    .leftJoin(ledgerAccounts, and(eq(ledgerAccounts.clientId, clients.id), eq(ledgerAccounts.kind, 'client_wallet'), eq(ledgerAccounts.unit, 'inr')))
    .where(and(eq(clients.partnerId, ctx.partnerId), eq(clients.status, 'active')))
    .orderBy(clients.name)
    .limit(limit);
  return rows.map((row) => ({ id: row.id, name: row.name, available: (row.balance ?? 0n) - (row.held ?? 0n) }));
}
