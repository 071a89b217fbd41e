import { and, eq } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { clients, type LedgerUnit } from '@/db/schema';
import { notFound } from '@/lib/errors/app-error';
import type { AccountKey } from './accounts';

/** The accounts of one partner's book (a live partner or its sandbox) by what they are for. */
export function partnerBook(partnerId: string) {
  const key = (kind: AccountKey['kind'], unit: LedgerUnit = 'inr'): AccountKey => ({ partnerId, kind, unit, clientId: null });
  return {
    prepaid: key('partner_prepaid'),
    revenue: key('partner_revenue'),
    funding: key('partner_funding'),
    operatorRevenue: key('operator_revenue'),
    operatorFunding: (unit: LedgerUnit = 'inr') => key('operator_funding', unit),
    pool: (unit: 'days' | 'points') => key(unit === 'days' ? 'partner_days' : 'partner_points', unit),
    wallet: (clientId: string): AccountKey => ({ partnerId, kind: 'client_wallet', unit: 'inr', clientId }),
    clientPool: (clientId: string, unit: 'days' | 'points'): AccountKey => ({ partnerId, kind: unit === 'days' ? 'client_days' : 'client_points', unit, clientId }),
  };
}

/** The caller's client, locked for the rest of the transaction when asked; another partner's is a 404. */
export async function clientOf(q: Queryable, partnerId: string, clientId: string, lock = false) {
  const query = q.select({ id: clients.id, name: clients.name, email: clients.email, status: clients.status }).from(clients).where(and(eq(clients.id, clientId), eq(clients.partnerId, partnerId))).limit(1);
  const [client] = lock ? await query.for('update') : await query;
  if (!client) throw notFound('Client');
  return client;
}
