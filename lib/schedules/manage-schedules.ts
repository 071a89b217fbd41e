import { and, asc, eq, inArray } from 'drizzle-orm';
import { getDb, type Queryable } from '@/db';
import { scheduleHolidays, schedules } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { AppError, notFound } from '@/lib/errors/app-error';
import { parseInput } from '@/lib/errors/zod';
import { isOpen, type OpenState } from './evaluate';
import { addHolidaySchema, maxHolidays, setWeeklyHoursSchema } from './schemas';
import type { Holiday, ScheduleSubject, ScheduleSubjectKind } from './types';
import { alwaysOpenWeek, defaultTimezone, type ScheduleView } from './view';

/**
 * A subject's schedule, stored per (partner, subject kind, subject id). These functions trust that the caller
 * (the subject's own domain: numbers, agents, WhatsApp numbers) has checked the subject is the caller's; every
 * query is scoped by `ctx.partnerId` all the same, so nothing of another partner is ever read or changed.
 */
export type { ScheduleView };

const ofSubject = (partnerId: string, subject: ScheduleSubject) => and(eq(schedules.partnerId, partnerId), eq(schedules.subjectKind, subject.kind), eq(schedules.subjectId, subject.id));

const holidayOf = (row: typeof scheduleHolidays.$inferSelect): Holiday => ({ id: row.id, name: row.name, startDate: row.startDate, endDate: row.endDate, hours: row.hours ?? null });

async function holidaysOf(q: Queryable, partnerId: string, scheduleIds: string[]) {
  if (scheduleIds.length === 0) return [];
  return q
    .select()
    .from(scheduleHolidays)
    .where(and(eq(scheduleHolidays.partnerId, partnerId), inArray(scheduleHolidays.scheduleId, scheduleIds)))
    .orderBy(asc(scheduleHolidays.startDate), asc(scheduleHolidays.id));
}

function viewOf(row: typeof schedules.$inferSelect, holidays: (typeof scheduleHolidays.$inferSelect)[]): ScheduleView {
  return { id: row.id, subject: { kind: row.subjectKind, id: row.subjectId }, timezone: row.timezone, weekly: row.weekly, holidays: holidays.filter((holiday) => holiday.scheduleId === row.id).map(holidayOf), updatedAt: row.updatedAt };
}

/** The subject's schedule with its holidays, or null when it has none (it is then always open). */
export async function getSchedule(ctx: PartnerCtx, subject: ScheduleSubject, q: Queryable = getDb()): Promise<ScheduleView | null> {
  requirePartnerRole(ctx, 'member');
  const [row] = await q.select().from(schedules).where(ofSubject(ctx.partnerId, subject)).limit(1);
  if (!row) return null;
  return viewOf(row, await holidaysOf(q, ctx.partnerId, [row.id]));
}

/** The schedules of many subjects of one kind at once (for lists), keyed by subject id; missing ones have none. */
export async function getSchedules(ctx: PartnerCtx, kind: ScheduleSubjectKind, subjectIds: string[], q: Queryable = getDb()): Promise<Map<string, ScheduleView>> {
  requirePartnerRole(ctx, 'member');
  if (subjectIds.length === 0) return new Map();
  const rows = await q
    .select()
    .from(schedules)
    .where(and(eq(schedules.partnerId, ctx.partnerId), eq(schedules.subjectKind, kind), inArray(schedules.subjectId, subjectIds)));
  const holidays = await holidaysOf(
    q,
    ctx.partnerId,
    rows.map((row) => row.id),
  );
  return new Map(rows.map((row) => [row.subjectId, viewOf(row, holidays)]));
}

/** Whether the subject is open at `at` (now by default), with why and until when. */
export async function openStateOf(ctx: PartnerCtx, subject: ScheduleSubject, at: Date = new Date(), q: Queryable = getDb()): Promise<OpenState> {
  return isOpen(await getSchedule(ctx, subject, q), at);
}

const auditShape = (view: Pick<ScheduleView, 'timezone' | 'weekly'>) => ({ timezone: view.timezone, weekly: view.weekly });

/** Replaces the subject's zone and weekly hours (creating its schedule on first use); its holidays stay. */
export async function setWeeklyHours(ctx: PartnerCtx, subject: ScheduleSubject, input: unknown, q: Queryable = getDb()): Promise<ScheduleView> {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(setWeeklyHoursSchema, input);
  return q.transaction(async (tx) => {
    const [before] = await tx.select().from(schedules).where(ofSubject(ctx.partnerId, subject)).for('update');
    const [row] = before
      ? await tx.update(schedules).set({ timezone: data.timezone, weekly: data.weekly }).where(eq(schedules.id, before.id)).returning()
      : await tx
          .insert(schedules)
          .values({ partnerId: ctx.partnerId, subjectKind: subject.kind, subjectId: subject.id, timezone: data.timezone, weekly: data.weekly })
          .onConflictDoUpdate({ target: [schedules.partnerId, schedules.subjectKind, schedules.subjectId], set: { timezone: data.timezone, weekly: data.weekly } })
          .returning();
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'schedule.hours_set', targetType: subject.kind, targetId: subject.id, before: before ? auditShape(before) : null, after: auditShape(row!) });
    return viewOf(row!, await holidaysOf(tx, ctx.partnerId, [row!.id]));
  });
}

/** The subject's schedule row locked for a change, created open-all-week in the default zone when it has none. */
async function lockOrCreate(tx: Queryable, ctx: PartnerCtx, subject: ScheduleSubject) {
  const [existing] = await tx.select().from(schedules).where(ofSubject(ctx.partnerId, subject)).for('update');
  if (existing) return existing;
  await tx.insert(schedules).values({ partnerId: ctx.partnerId, subjectKind: subject.kind, subjectId: subject.id, timezone: defaultTimezone, weekly: alwaysOpenWeek() }).onConflictDoNothing();
  const [created] = await tx.select().from(schedules).where(ofSubject(ctx.partnerId, subject)).for('update');
  return created!;
}

/** Adds a holiday (one date or a range; closed, or special hours) to the subject's schedule. */
export async function addHoliday(ctx: PartnerCtx, subject: ScheduleSubject, input: unknown, q: Queryable = getDb()): Promise<Holiday> {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(addHolidaySchema, input);
  return q.transaction(async (tx) => {
    const schedule = await lockOrCreate(tx, ctx, subject);
    const existing = await tx.$count(scheduleHolidays, and(eq(scheduleHolidays.partnerId, ctx.partnerId), eq(scheduleHolidays.scheduleId, schedule.id)));
    if (existing >= maxHolidays) throw new AppError('conflict', `A schedule holds at most ${maxHolidays} holidays; delete past ones first.`);
    const [row] = await tx
      .insert(scheduleHolidays)
      .values({ partnerId: ctx.partnerId, scheduleId: schedule.id, name: data.name, startDate: data.start_date, endDate: data.end_date, hours: data.hours })
      .returning();
    const holiday = holidayOf(row!);
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'schedule.holiday_added', targetType: subject.kind, targetId: subject.id, after: holiday });
    return holiday;
  });
}

/** Which subject a holiday belongs to, for faces that name only the holiday; null when it is not the caller's. */
export async function findHolidaySubject(ctx: PartnerCtx, holidayId: string, q: Queryable = getDb()): Promise<ScheduleSubject | null> {
  requirePartnerRole(ctx, 'member');
  const [row] = await q
    .select({ kind: schedules.subjectKind, id: schedules.subjectId })
    .from(scheduleHolidays)
    .innerJoin(schedules, eq(schedules.id, scheduleHolidays.scheduleId))
    .where(and(eq(scheduleHolidays.partnerId, ctx.partnerId), eq(scheduleHolidays.id, holidayId)))
    .limit(1);
  return row ?? null;
}

/** Deletes one of the subject's holidays; another subject's (or partner's) holiday is not found. */
export async function deleteHoliday(ctx: PartnerCtx, subject: ScheduleSubject, holidayId: string, q: Queryable = getDb()): Promise<Holiday> {
  requirePartnerRole(ctx, 'admin');
  return q.transaction(async (tx) => {
    const [row] = await tx
      .select({ holiday: scheduleHolidays })
      .from(scheduleHolidays)
      .innerJoin(schedules, eq(schedules.id, scheduleHolidays.scheduleId))
      .where(and(eq(scheduleHolidays.partnerId, ctx.partnerId), eq(scheduleHolidays.id, holidayId), ofSubject(ctx.partnerId, subject)))
      .for('update', { of: scheduleHolidays });
    if (!row) throw notFound('Holiday');
    await tx.delete(scheduleHolidays).where(eq(scheduleHolidays.id, holidayId));
    const holiday = holidayOf(row.holiday);
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'schedule.holiday_deleted', targetType: subject.kind, targetId: subject.id, before: holiday });
    return holiday;
  });
}

/** Removes the subject's schedule and holidays (its subject is gone); audited when there was one. */
export async function deleteSchedule(ctx: PartnerCtx, subject: ScheduleSubject, q: Queryable = getDb()): Promise<void> {
  requirePartnerRole(ctx, 'admin');
  await q.transaction(async (tx) => {
    const [removed] = await tx.delete(schedules).where(ofSubject(ctx.partnerId, subject)).returning();
    if (removed) await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'schedule.deleted', targetType: subject.kind, targetId: subject.id, before: auditShape(removed) });
  });
}
