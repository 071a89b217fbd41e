import { and, eq, notExists, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { agents, recurringCharges, voiceBots } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { AppError } from '@/lib/errors/app-error';
import { chargeRecurring } from '@/lib/ledger/recurring-charge';
import { logger } from '@/lib/log/logger';
import { periodOf } from '@/lib/periods/ist-month';

export type SeatChargeRun = { charged: number; unpaid: number };

const notChargedFor = (product: string, subject: typeof agents.id | typeof voiceBots.id, period: string) =>
  notExists(getDb().select({ one: sql`1` }).from(recurringCharges).where(and(eq(recurringCharges.product, product), eq(recurringCharges.subjectId, subject), eq(recurringCharges.period, period))));

/**
 * The month's seat for every active agent and the month's fee for every voice bot, each at the client's
 * retail price of `agent_seat_month` / `voice_bot_month`, once per IST month through `chargeRecurring` (its
 * ledger key makes a second worker's attempt a no-op). Only subjects not yet charged this month are read, a
 * batch at a time; one the wallet cannot pay is left for the next round (the agent keeps working meanwhile).
 */
export async function chargeSeatsAndBots(now: Date = new Date(), options: { limit?: number; partnerId?: string } = {}): Promise<SeatChargeRun> {
  const limit = options.limit ?? 200;
  const period = periodOf(now).key;
  const db = getDb();
  const seats = await db.select({ id: agents.id, partnerId: agents.partnerId, clientId: agents.clientId, name: agents.name }).from(agents).where(and(eq(agents.status, 'active'), options.partnerId ? eq(agents.partnerId, options.partnerId) : undefined, notChargedFor('agent_seat_month', agents.id, period))).limit(limit);
  const bots = await db.select({ id: voiceBots.id, partnerId: voiceBots.partnerId, clientId: voiceBots.clientId, name: voiceBots.name }).from(voiceBots).where(and(options.partnerId ? eq(voiceBots.partnerId, options.partnerId) : undefined, notChargedFor('voice_bot_month', voiceBots.id, period))).limit(limit);
  const due = [...seats.map((s) => ({ ...s, product: 'agent_seat_month' as const, memo: `Agent seat ${s.name}, ${period}` })), ...bots.map((b) => ({ ...b, product: 'voice_bot_month' as const, memo: `Voice bot ${b.name}, ${period}` }))];
  const run: SeatChargeRun = { charged: 0, unpaid: 0 };
  for (const subject of due) {
    try {
      const result = await chargeRecurring({ ...systemCtx, partnerId: subject.partnerId }, { clientId: subject.clientId, product: subject.product, subjectId: subject.id, period, memo: subject.memo });
      if (result.outcome === 'cannot_pay') run.unpaid++;
      else run.charged++;
    } catch (error) {
      // A client the ledger will not charge (suspended, expired) is tried again next round.
      if (!(error instanceof AppError)) throw error;
      run.unpaid++;
      logger.warn('monthly seat or bot charge refused', { subjectId: subject.id, code: error.code });
    }
  }
  return run;
}
