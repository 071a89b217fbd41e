import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import { getDb } from '@/db';
import { clients, maskingAllocations, maskingSessions, numbers } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { notFound } from '@/lib/errors/app-error';
import { poolNumbers } from './allocate';

/**
 * A client's masking pool as the console and REST show it: each number with its open sessions, and the size
 * the pool needs for the busiest party to get one more session (a party holds a number once at a time).
 */
export async function maskingPool(ctx: PartnerCtx, clientId: string) {
  requirePartnerRole(ctx, 'member');
  const db = getDb();
  const [client] = await db.select({ id: clients.id }).from(clients).where(and(eq(clients.partnerId, ctx.partnerId), eq(clients.id, clientId))).limit(1);
  if (!client) throw notFound('Client');
  const pool = await db.transaction((tx) => poolNumbers(tx, ctx.partnerId, clientId));
  const ids = pool.map((n) => n.id);
  const open = ids.length
    ? await db
        .select({ numberId: maskingSessions.numberId, sessions: count() })
        .from(maskingSessions)
        .where(and(eq(maskingSessions.partnerId, ctx.partnerId), inArray(maskingSessions.numberId, ids), inArray(maskingSessions.status, ['active', 'in_progress'])))
        .groupBy(maskingSessions.numberId)
    : [];
  const busiest = ids.length
    ? await db
        .select({ party: maskingAllocations.party, open: count() })
        .from(maskingAllocations)
        .where(and(inArray(maskingAllocations.numberId, ids), isNull(maskingAllocations.releasedAt)))
        .groupBy(maskingAllocations.party)
    : [];
  const sessionsOf = new Map(open.map((row) => [row.numberId, Number(row.sessions)]));
  const maxPerParty = Math.max(0, ...busiest.map((row) => Number(row.open)));
  return {
    clientId,
    numbers: pool.map((n) => ({ id: n.id, e164: n.e164, openSessions: sessionsOf.get(n.id) ?? 0 })),
    size: pool.length,
    busiestPartySessions: maxPerParty,
    numbersNeeded: maxPerParty + 1,
  };
}

/** Every client's masking pool at a glance: its pool numbers and how many sessions are open on each. */
export async function maskingPoolsOverview(ctx: PartnerCtx) {
  requirePartnerRole(ctx, 'member');
  const db = getDb();
  const rows = await db
    .select({ clientId: numbers.clientId, clientName: clients.name, numberId: numbers.id, e164: numbers.e164 })
    .from(numbers)
    .innerJoin(clients, eq(clients.id, numbers.clientId))
    .where(and(eq(numbers.partnerId, ctx.partnerId), eq(numbers.masking, true), eq(numbers.status, 'assigned')))
    .orderBy(clients.name, numbers.e164)
    .limit(500);
  const ids = rows.map((r) => r.numberId);
  const open = ids.length
    ? await db
        .select({ numberId: maskingSessions.numberId, sessions: count() })
        .from(maskingSessions)
        .where(and(eq(maskingSessions.partnerId, ctx.partnerId), inArray(maskingSessions.numberId, ids), inArray(maskingSessions.status, ['active', 'in_progress'])))
        .groupBy(maskingSessions.numberId)
    : [];
  const sessionsOf = new Map(open.map((row) => [row.numberId, Number(row.sessions)]));
  return rows.map((row) => ({ ...row, openSessions: sessionsOf.get(row.numberId) ?? 0 }));
}
