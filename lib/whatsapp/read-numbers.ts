import type { PartnerCtx } from '@/lib/audit/context';
import type { Page } from '@/lib/pagination/cursor';
import type { OpenState } from '@/lib/schedules/evaluate';
import type { ScheduleView } from '@/lib/schedules/view';
import { getWhatsappNumber, listWhatsappNumbers } from './manage-numbers';
import type { WhatsappNumberView } from './number-view';
import { whatsappOpenStates } from './number-schedules';

/** A number with its schedule and whether it is open now: what every face shows beside its health. */
export type NumberWithSchedule = { number: WhatsappNumberView; schedule: ScheduleView | null; scheduleStatus: OpenState };

const closedForGood: OpenState = { open: false, reason: 'no_hours', next_change_at: null, holiday: null };

export async function withSchedules(ctx: PartnerCtx, numbers: WhatsappNumberView[], at: Date = new Date()): Promise<NumberWithSchedule[]> {
  const states = await whatsappOpenStates(
    ctx,
    numbers.map((number) => number.id),
    at,
  );
  // An unlinked number has no schedule and takes no messages; one suspended for its fee keeps its schedule but is closed.
  return numbers.map((number) => {
    if (number.status === 'unlinked') return { number, schedule: null, scheduleStatus: closedForGood };
    const state = states.get(number.id)!;
    return { number, schedule: state.schedule, scheduleStatus: number.feeSuspendedAt ? closedForGood : state.status };
  });
}

export async function listNumbersWithSchedules(ctx: PartnerCtx, params: Parameters<typeof listWhatsappNumbers>[1] = {}): Promise<Page<NumberWithSchedule>> {
  const page = await listWhatsappNumbers(ctx, params);
  return { data: await withSchedules(ctx, page.data), has_more: page.has_more };
}

export async function numberWithSchedule(ctx: PartnerCtx, numberOrId: string | WhatsappNumberView, options: { clientId?: string } = {}): Promise<NumberWithSchedule> {
  const number = typeof numberOrId === 'string' ? await getWhatsappNumber(ctx, numberOrId, options) : numberOrId;
  return (await withSchedules(ctx, [number]))[0]!;
}
