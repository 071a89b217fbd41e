import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { getDb } from '@/db';
import { notFound } from '@/lib/errors/app-error';
import { parseInput } from '@/lib/errors/zod';
import { isOpen, type OpenState } from '@/lib/schedules/evaluate';
import { addHoliday, deleteHoliday, findHolidaySubject, getSchedule, getSchedules, setWeeklyHours } from '@/lib/schedules/manage-schedules';
import type { ScheduleSubject } from '@/lib/schedules/types';
import type { ScheduleView } from '@/lib/schedules/view';
import { environmentOf } from './environment';
import { numberRefSchema, ownNumber } from './number-lookup';

/**
 * Working hours and holidays of a client's number, kept by the schedule engine (lib/schedules) with the number
 * as its subject. Only the partner's assigned numbers have schedules; any other number is a 404.
 */
export async function numberSubject(ctx: PartnerCtx, number: unknown, clientId?: string): Promise<ScheduleSubject & { e164: string; clientId: string }> {
  const ref = parseInput(numberRefSchema, number);
  const db = getDb();
  const row = await ownNumber(db, ctx.partnerId, await environmentOf(db, ctx.partnerId), ref);
  if (row.status !== 'assigned' || (clientId && row.clientId !== clientId)) throw notFound('Number');
  return { kind: 'number', id: row.id, e164: row.e164, clientId: row.clientId! };
}

export async function getNumberSchedule(ctx: PartnerCtx, number: unknown, clientId?: string): Promise<{ schedule: ScheduleView | null; state: OpenState; subject: Awaited<ReturnType<typeof numberSubject>> }> {
  requirePartnerRole(ctx, 'member');
  const subject = await numberSubject(ctx, number, clientId);
  const schedule = await getSchedule(ctx, subject);
  return { schedule, state: isOpen(schedule, new Date()), subject };
}

export async function setNumberHours(ctx: PartnerCtx, number: unknown, input: unknown, clientId?: string) {
  return setWeeklyHours(ctx, await numberSubject(ctx, number, clientId), input);
}

export async function addNumberHoliday(ctx: PartnerCtx, number: unknown, input: unknown, clientId?: string) {
  return addHoliday(ctx, await numberSubject(ctx, number, clientId), input);
}

/** Deletes a holiday of one of the partner's numbers; a holiday of anything else is a 404. */
export async function deleteNumberHoliday(ctx: PartnerCtx, holidayId: string, number?: unknown, clientId?: string) {
  const subject = number === undefined ? await findHolidaySubject(ctx, holidayId) : await numberSubject(ctx, number, clientId);
  if (!subject || subject.kind !== 'number') throw notFound('Holiday');
  if (number === undefined) await numberSubject(ctx, subject.id, clientId);
  return deleteHoliday(ctx, subject, holidayId);
}

/** Open or closed now, for each of these numbers (no schedule: open). */
export async function openStatesOf(ctx: PartnerCtx, numberIds: string[], at: Date = new Date()): Promise<Map<string, OpenState & { timezone: string | null }>> {
  const schedules = numberIds.length ? await getSchedules(ctx, 'number', numberIds) : new Map<string, ScheduleView>();
  return new Map(numberIds.map((id) => [id, { ...isOpen(schedules.get(id) ?? null, at), timezone: schedules.get(id)?.timezone ?? null }]));
}

/** Sets the hours and answers with the schedule and whether the number is open now. */
export async function setNumberHoursAndShow(ctx: PartnerCtx, number: unknown, input: unknown, clientId?: string) {
  const schedule = await setNumberHours(ctx, number, input, clientId);
  return { schedule, state: isOpen(schedule, new Date()) };
}
