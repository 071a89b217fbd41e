import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { numberAssignments, numbers, type NumberAssignment } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { notFound } from '@/lib/errors/app-error';
import { clientOf } from '@/lib/ledger/books';
import { cursorClauses } from '@/lib/pagination/cursor-sql';
import { cursorQuery, toPage, type ListParams, type Page } from '@/lib/pagination/cursor';
import { circleByCode } from '@/lib/providers/carrier/india-circles';
import type { OpenState } from '@/lib/schedules/evaluate';
import { openStatesOf } from './number-schedule';
import { formatNumber } from './number-types';

/** What a client's number is doing: its tenure's state, or `quarantined` once released (recallable until `reusableAfter`). */
export type ClientNumberStatus = NumberAssignment['status'] | 'quarantined';

export type ClientNumber = {
  id: string;
  number: string;
  display: string;
  type: 'local' | 'mobile' | 'toll_free';
  region: string;
  regionName: string;
  clientId: string;
  status: ClientNumberStatus;
  masking: boolean;
  assignedAt: Date | null;
  paidThrough: string | null;
  graceEndsAt: Date | null;
  reusableAfter: Date | null;
  /** Open or closed now by the number's working hours and holidays (open when it has no schedule). */
  schedule: { open: boolean; reason: string; nextChangeAt: Date | null; holiday: string | null; timezone: string | null } | null;
};

/**
 * The partner's numbers, newest first: one client's (its Numbers tab, REST, the IVR Solutions face) or every
 * client's. Walks (partner, client, id) or (partner, status, id) and stops after a page.
 */
export async function listNumbers(ctx: PartnerCtx, options: { clientId?: string } & ListParams): Promise<Page<ClientNumber>> {
  requirePartnerRole(ctx, 'member');
  const db = getDb();
  if (options.clientId) await clientOf(db, ctx.partnerId, options.clientId);
  const query = cursorQuery(options);
  const { where, orderBy } = cursorClauses(numbers.id, query);
  const rows = await db
    .select({ number: numbers, assignment: numberAssignments })
    .from(numbers)
    .leftJoin(numberAssignments, and(eq(numberAssignments.numberId, numbers.id), ne(numberAssignments.status, 'released')))
    .where(
      and(
        eq(numbers.partnerId, ctx.partnerId),
        options.clientId ? eq(numbers.clientId, options.clientId) : undefined,
        inArray(numbers.status, ['assigned', 'quarantined']),
        where,
      ),
    )
    .orderBy(orderBy)
    .limit(query.take);
  const page = toPage(rows, query);
  const states = await openStatesOf(ctx, page.data.filter((row) => row.number.status === 'assigned').map((row) => row.number.id));
  return { has_more: page.has_more, data: page.data.map(({ number, assignment }) => toClientNumber(number, assignment, states.get(number.id))) };
}

type State = OpenState & { timezone: string | null };

function toClientNumber(number: typeof numbers.$inferSelect, assignment: NumberAssignment | null, state?: State): ClientNumber {
  return {
    id: number.id,
    number: number.e164,
    display: formatNumber(number.e164),
    type: number.type,
    region: number.region,
    regionName: circleByCode.get(number.region)?.name ?? number.region,
    clientId: number.clientId!,
    status: number.status === 'quarantined' ? 'quarantined' : (assignment?.status ?? 'active'),
    masking: number.masking,
    assignedAt: assignment?.assignedAt ?? null,
    paidThrough: assignment?.paidThrough ?? null,
    graceEndsAt: assignment?.graceEndsAt ?? null,
    reusableAfter: number.reusableAfter,
    schedule: state ? { open: state.open, reason: state.reason, nextChangeAt: state.next_change_at, holiday: state.holiday?.name ?? null, timezone: state.timezone } : null,
  };
}

/** One of the partner's numbers with its tenure history (who had it, when); another partner's is a 404. */
export async function getNumber(ctx: PartnerCtx, numberId: string) {
  requirePartnerRole(ctx, 'member');
  const db = getDb();
  const [row] = await db
    .select({ number: numbers, assignment: numberAssignments })
    .from(numbers)
    .leftJoin(numberAssignments, and(eq(numberAssignments.numberId, numbers.id), ne(numberAssignments.status, 'released')))
    .where(and(eq(numbers.id, numberId), eq(numbers.partnerId, ctx.partnerId), inArray(numbers.status, ['assigned', 'quarantined'])))
    .limit(1);
  if (!row) throw notFound('Number');
  const history = await db
    .select({ id: numberAssignments.id, clientId: numberAssignments.clientId, status: numberAssignments.status, assignedAt: numberAssignments.assignedAt, releasedAt: numberAssignments.releasedAt, releaseReason: numberAssignments.releaseReason })
    .from(numberAssignments)
    .where(and(eq(numberAssignments.numberId, numberId), eq(numberAssignments.partnerId, ctx.partnerId)))
    .orderBy(sql`${numberAssignments.id} desc`);
  const states = row.number.status === 'assigned' ? await openStatesOf(ctx, [row.number.id]) : new Map<string, State>();
  return { ...toClientNumber(row.number, row.assignment, states.get(row.number.id)), history };
}
