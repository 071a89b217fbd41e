import { and, eq, ne } from 'drizzle-orm';
import { getDb } from '@/db';
import { whatsappNumbers } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { notFound } from '@/lib/errors/app-error';
import { isOpen, type OpenState } from '@/lib/schedules/evaluate';
import { addHoliday, deleteHoliday, findHolidaySubject, getSchedule, getSchedules, setWeeklyHours } from '@/lib/schedules/manage-schedules';
import type { ScheduleSubject } from '@/lib/schedules/types';
import type { ScheduleView } from '@/lib/schedules/view';

/**
 * A WhatsApp number's working hours and holidays, through the one schedule engine. Each function first checks
 * that the number is the caller's (and the named client's, for faces that name one) and still linked.
 */
export async function whatsappScheduleSubject(ctx: PartnerCtx, numberId: string, clientId?: string): Promise<ScheduleSubject> {
  const [row] = await getDb()
    .select({ id: whatsappNumbers.id })
    .from(whatsappNumbers)
    .where(and(eq(whatsappNumbers.id, numberId), eq(whatsappNumbers.partnerId, ctx.partnerId), ne(whatsappNumbers.status, 'unlinked'), clientId ? eq(whatsappNumbers.clientId, clientId) : undefined))
    .limit(1);
  if (!row) throw notFound('WhatsApp number');
  return { kind: 'whatsapp_number', id: row.id };
}

export async function getWhatsappSchedule(ctx: PartnerCtx, numberId: string, options: { clientId?: string; at?: Date } = {}): Promise<{ schedule: ScheduleView | null; status: OpenState }> {
  const schedule = await getSchedule(ctx, await whatsappScheduleSubject(ctx, numberId, options.clientId));
  return { schedule, status: isOpen(schedule, options.at ?? new Date()) };
}

export async function setWhatsappHours(ctx: PartnerCtx, numberId: string, input: unknown, options: { clientId?: string } = {}) {
  return setWeeklyHours(ctx, await whatsappScheduleSubject(ctx, numberId, options.clientId), input);
}

export async function addWhatsappHoliday(ctx: PartnerCtx, numberId: string, input: unknown, options: { clientId?: string } = {}) {
  return addHoliday(ctx, await whatsappScheduleSubject(ctx, numberId, options.clientId), input);
}

export async function deleteWhatsappHoliday(ctx: PartnerCtx, numberId: string, holidayId: string, options: { clientId?: string } = {}) {
  return deleteHoliday(ctx, await whatsappScheduleSubject(ctx, numberId, options.clientId), holidayId);
}

/** For faces that name only the holiday (and the client): the holiday of one of that client's WhatsApp numbers. */
export async function deleteWhatsappHolidayById(ctx: PartnerCtx, holidayId: string, options: { clientId?: string } = {}) {
  const subject = await findHolidaySubject(ctx, holidayId);
  if (!subject || subject.kind !== 'whatsapp_number') throw notFound('Holiday');
  return deleteWhatsappHoliday(ctx, subject.id, holidayId, options).catch((error: unknown) => {
    throw error instanceof Error && 'code' in error && error.code === 'not_found' ? notFound('Holiday') : error;
  });
}

/** Open or closed now, for many numbers at once (lists). */
export async function whatsappOpenStates(ctx: PartnerCtx, numberIds: string[], at: Date = new Date()): Promise<Map<string, { schedule: ScheduleView | null; status: OpenState }>> {
  const schedules = await getSchedules(ctx, 'whatsapp_number', numberIds);
  return new Map(numberIds.map((id) => [id, { schedule: schedules.get(id) ?? null, status: isOpen(schedules.get(id) ?? null, at) }]));
}
