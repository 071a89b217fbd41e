import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { clients, supportTickets } from '@/db/schema';
import type { Ctx } from '@/lib/audit/context';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { assertPartnerReach, deskOf, deskScope } from './access';
import { openStatuses, supportNow, ticketCategories, ticketPriorities, ticketStatuses, type TicketCategory, type TicketPriority, type TicketStatus } from './policy';

export const statisticsSchema = z.object({
  /** Which tickets: a partner's clients' (`client`, the default for a partner) or its own with the operator (`partner`). */
  level: z.enum(['client', 'partner']).optional(),
});

const zeroes = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export type TicketStatistics = {
  level: 'client' | 'partner';
  total: number;
  byStatus: Record<TicketStatus, number>;
  byPriority: Record<TicketPriority, number>;
  byCategory: Record<TicketCategory, number>;
  /** Working time (pauses excluded), seconds; null when no ticket has one yet. */
  medianFirstResponseSeconds: number | null;
  medianResolutionSeconds: number | null;
  breached: number;
  /** Tickets that missed a target, over all tickets; 0 when there are none. */
  breachRate: number;
  backlog: { open: number; oldestAgeSeconds: number | null; medianAgeSeconds: number | null };
  perClient: { clientId: string; name: string; total: number; open: number }[];
};

/**
 * The support figures a desk shows: counts by status, priority and category, median first response and
 * resolution, breach rate, backlog age and tickets per client, all in SQL over the same tickets the desk lists
 * (a test recounts them one by one).
 */
export async function ticketStatistics(ctx: Ctx, input: Untrusted<z.input<typeof statisticsSchema>> = {}): Promise<TicketStatistics> {
  const desk = deskOf(ctx);
  const data = parseInput(statisticsSchema, input);
  const level = data.level ?? (desk.kind === 'operator' ? 'partner' : 'client');
  const db = getDb();
  await assertPartnerReach(db, ctx, desk);
  const scope = and(deskScope(desk), eq(supportTickets.level, level));
  const now = supportNow();
  const group = async (column: typeof supportTickets.status | typeof supportTickets.priority | typeof supportTickets.category) =>
    db.select({ key: column, n: count() }).from(supportTickets).where(scope).groupBy(column);
  const [byStatus, byPriority, byCategory] = await Promise.all([group(supportTickets.status), group(supportTickets.priority), group(supportTickets.category)]);
  const open = inArray(supportTickets.status, [...openStatuses]);
  const ageSeconds = sql`extract(epoch from (${now.toISOString()}::timestamptz - ${supportTickets.createdAt}))`;
  const [figures] = await db
    .select({
      total: count(),
      breached: sql<number>`count(*) filter (where ${supportTickets.firstResponseBreachedAt} is not null or ${supportTickets.resolutionBreachedAt} is not null)`.mapWith(Number),
      medianFirst: sql<number | null>`percentile_cont(0.5) within group (order by ${supportTickets.firstResponseMs})`.mapWith((v) => (v === null ? null : Number(v))),
      medianResolution: sql<number | null>`percentile_cont(0.5) within group (order by ${supportTickets.resolutionMs})`.mapWith((v) => (v === null ? null : Number(v))),
      open: sql<number>`count(*) filter (where ${open})`.mapWith(Number),
      oldestAge: sql<number | null>`max(${ageSeconds}) filter (where ${open})`.mapWith((v) => (v === null ? null : Number(v))),
      medianAge: sql<number | null>`percentile_cont(0.5) within group (order by ${ageSeconds}) filter (where ${open})`.mapWith((v) => (v === null ? null : Number(v))),
    })
    .from(supportTickets)
    .where(scope);
  const perClientRows = await db
    .select({ clientId: supportTickets.clientId, name: clients.name, total: count(), open: sql<number>`count(*) filter (where ${open})`.mapWith(Number) })
    .from(supportTickets)
    .innerJoin(clients, eq(clients.id, supportTickets.clientId))
    .where(scope)
    .groupBy(supportTickets.clientId, clients.name)
    .orderBy(desc(count()), supportTickets.clientId)
    .limit(50);
  const fill = <K extends string>(keys: readonly K[], rows: { key: string; n: number }[]) => ({ ...zeroes(keys), ...Object.fromEntries(rows.map((r) => [r.key, r.n])) }) as Record<K, number>;
  const total = figures?.total ?? 0;
  const breached = figures?.breached ?? 0;
  const seconds = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : Math.round(ms / 1000));
  return {
    level,
    total,
    byStatus: fill(ticketStatuses, byStatus),
    byPriority: fill(ticketPriorities, byPriority),
    byCategory: fill(ticketCategories, byCategory),
    medianFirstResponseSeconds: seconds(figures?.medianFirst),
    medianResolutionSeconds: seconds(figures?.medianResolution),
    breached,
    breachRate: total ? breached / total : 0,
    backlog: { open: figures?.open ?? 0, oldestAgeSeconds: figures?.oldestAge === null || figures?.oldestAge === undefined ? null : Math.round(figures.oldestAge), medianAgeSeconds: figures?.medianAge === null || figures?.medianAge === undefined ? null : Math.round(figures.medianAge) },
    perClient: perClientRows.map((r) => ({ clientId: r.clientId!, name: r.name, total: r.total, open: r.open })),
  };
}
