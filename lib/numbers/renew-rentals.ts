import { and, eq, inArray, lte } from 'drizzle-orm';
import { getDb } from '@/db';
import { clients, numberAssignments, numbers, type NumberAssignment } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { emitEvent } from '@/lib/events/emit-event';
import { formatInr } from '@/lib/ledger/format';
import { chargeRecurring } from '@/lib/ledger/recurring-charge';
import { queueTemplatedEmail } from '@/lib/email-templates/queue-templated-email';
import { priceOf } from '@/lib/prices/price-book';
import type { Product } from '@/lib/prices/products';
import { formatNumber } from './number-types';
import { quarantine } from './release-number';
import { nextPeriod, periodFromKey, periodOf } from '@/lib/periods/ist-month';
import { numberSettingsOf } from './settings';

const day = 86_400_000;
const istDate = (at: Date) => new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeZone: 'Asia/Kolkata' }).format(at);

type Outcome = 'renewed' | 'grace' | 'suspended' | 'released' | 'waiting';

/**
 * One number's rental for the IST month due, through the once-per-(subject, period) recurring charge: a second
 * worker, a retry or a crash between the charge and the bookkeeping never charges twice. Unpaid: a grace period with an e-mail, then suspension, then release to quarantine.
 */
async function renewOne(assignment: NumberAssignment, now: Date): Promise<Outcome> {
  const period = assignment.paidThrough!;
  const ctx = { ...systemCtx, partnerId: assignment.partnerId };
  const charge = await chargeRecurring(ctx, { clientId: assignment.clientId, product: assignment.rentalProduct as Product, subjectId: assignment.numberId, period });
  if (charge.outcome === 'cannot_pay') return unpaid(assignment, period, now);
  await getDb().transaction(async (tx) => {
    await tx
      .update(numberAssignments)
      .set({ paidThrough: nextPeriod(periodFromKey(period)).key, graceEndsAt: null, suspendedAt: null, status: 'active' })
      .where(and(eq(numberAssignments.id, assignment.id), eq(numberAssignments.paidThrough, period)));
    if (assignment.status === 'suspended') await recordAudit(tx, ctx, { partnerId: assignment.partnerId, action: 'number.resumed', targetType: 'number', targetId: assignment.numberId, after: { period } });
  });
  return 'renewed';
}

async function unpaid(assignment: NumberAssignment, period: string, now: Date): Promise<Outcome> {
  return getDb().transaction(async (tx) => {
    const [current] = await tx.select().from(numberAssignments).where(eq(numberAssignments.id, assignment.id)).limit(1).for('update');
    if (!current || current.status === 'released' || current.paidThrough !== period) return 'waiting';
    const settings = await numberSettingsOf(tx, current.partnerId);
    const [number] = await tx.select().from(numbers).where(eq(numbers.id, current.numberId)).limit(1).for('update');
    const ctx = { ...systemCtx, partnerId: current.partnerId };
    if (!current.graceEndsAt) {
      const graceEndsAt = new Date(now.getTime() + settings.graceDays * day);
      await tx.update(numberAssignments).set({ graceEndsAt }).where(eq(numberAssignments.id, current.id));
      await emitEvent(tx, current.partnerId, 'number.renewal_failed', { number_id: current.numberId, number: number!.e164, client_id: current.clientId, period, grace_ends_at: graceEndsAt.toISOString() });
      await recordAudit(tx, ctx, { partnerId: current.partnerId, action: 'number.renewal_failed', targetType: 'number', targetId: current.numberId, after: { period, grace_ends_at: graceEndsAt.toISOString() } });
      const [client] = await tx.select({ name: clients.name, email: clients.email }).from(clients).where(eq(clients.id, current.clientId)).limit(1);
      const price = await priceOf(tx, current.partnerId, current.rentalProduct as Product);
      await queueTemplatedEmail(tx, {
        partnerId: current.partnerId,
        clientId: current.clientId,
        to: client!.email,
        type: 'number_rental_unpaid',
        template: 'rental-unpaid',
        values: { 'client.name': client!.name, 'number.display': formatNumber(number!.e164), 'rental.amount': formatInr(price.retail), 'rental.suspend_on': istDate(graceEndsAt) },
      });
      return 'grace';
    }
    if (current.status === 'active' && current.graceEndsAt <= now) {
      const releaseAt = new Date(now.getTime() + settings.suspendedDays * day);
      await tx.update(numberAssignments).set({ status: 'suspended', suspendedAt: now }).where(eq(numberAssignments.id, current.id));
      await emitEvent(tx, current.partnerId, 'number.suspended', { number_id: current.numberId, number: number!.e164, client_id: current.clientId, period, release_at: releaseAt.toISOString() });
      await recordAudit(tx, ctx, { partnerId: current.partnerId, action: 'number.suspended', targetType: 'number', targetId: current.numberId, after: { period, release_at: releaseAt.toISOString() } });
      return 'suspended';
    }
    if (current.status === 'suspended' && current.suspendedAt && current.suspendedAt.getTime() + settings.suspendedDays * day <= now.getTime()) {
      await quarantine(tx, ctx, number!, 'unpaid', now);
      return 'released';
    }
    return 'waiting';
  });
}

/** The worker's sweep: every tenure whose next IST month has begun is renewed (or moved along when unpaid). */
export async function renewRentals(now: Date = new Date(), limit = 100): Promise<Record<Outcome, number>> {
  const due = await getDb()
    .select()
    .from(numberAssignments)
    .where(and(inArray(numberAssignments.status, ['active', 'suspended']), lte(numberAssignments.paidThrough, periodOf(now).key)))
    .orderBy(numberAssignments.paidThrough, numberAssignments.id)
    .limit(limit);
  const counts: Record<Outcome, number> = { renewed: 0, grace: 0, suspended: 0, released: 0, waiting: 0 };
  for (const assignment of due) counts[await renewOne(assignment, now)] += 1;
  return counts;
}
