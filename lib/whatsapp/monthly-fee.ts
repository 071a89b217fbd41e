import { eq } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { clients, whatsappNumbers } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { queueTemplatedEmail } from '@/lib/email-templates/queue-templated-email';
import { AppError } from '@/lib/errors/app-error';
import { emitEvent } from '@/lib/events/emit-event';
import { chargeRecurring } from '@/lib/ledger/recurring-charge';
import { formatInr } from '@/lib/ledger/format';
import { numberSettingsOf } from '@/lib/numbers/settings';
import { periodOf } from '@/lib/periods/ist-month';
import { priceOf } from '@/lib/prices/price-book';
import { emailAdmins } from './announce';
import { unlinkLocked } from './manage-numbers';
import { numberColumns, numberEventData, type WhatsappNumberView } from './number-view';

const dayMs = 86_400_000;
const istDate = (at: Date) => new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeZone: 'Asia/Kolkata' }).format(at);

/** What a charge attempt did to the number: nothing to do, paid, or a step of the unpaid policy. */
export type FeeOutcome = 'none' | 'paid' | 'resumed' | 'grace' | 'suspended' | 'unlinked' | 'waiting';

/**
 * The monthly fee of a linked number: the client's wallet pays the partner's retail price of
 * `whatsapp_number_month` once per IST month (the ledger's recurring charge makes a second attempt, by any
 * worker, a no-op). Charged when the number is linked and at each daily check. A month the client cannot pay
 * follows the same policy as a number's rental, with the partner's grace and suspension days: the number works
 * through the grace period (the client is e-mailed), is then suspended (the partner's admins are told), and is
 * unlinked once the suspension days have passed. A payment at any point before that clears it all.
 */
export async function chargeMonthlyFee(ctx: PartnerCtx, number: Pick<WhatsappNumberView, 'id' | 'clientId' | 'status' | 'feePaidPeriod' | 'displayPhoneNumber'>, now: Date = new Date()): Promise<FeeOutcome> {
  if (number.status === 'unlinked') return 'none';
  const period = periodOf(now).key;
  if (number.feePaidPeriod === period) return 'none';
  let unpaid: string | null;
  try {
    const result = await chargeRecurring(ctx, { clientId: number.clientId, product: 'whatsapp_number_month', subjectId: number.id, period, memo: `WhatsApp number ${number.displayPhoneNumber}, ${period}` });
    unpaid = result.outcome === 'cannot_pay' ? (result.side === 'client' ? `The client’s wallet lacks ${formatInr(result.shortfall)} for ${period}.` : `Your prepaid balance lacks ${formatInr(result.shortfall)} for ${period}.`) : null;
  } catch (error) {
    // A client the ledger will not charge (suspended, expired) is a month unpaid too, said in the ledger's words.
    if (!(error instanceof AppError)) throw error;
    unpaid = `${error.message} (${period})`;
  }
  return getDb().transaction(async (tx) => {
    const [current] = await tx.select(numberColumns).from(whatsappNumbers).where(eq(whatsappNumbers.id, number.id)).for('update');
    const locked = current as WhatsappNumberView | undefined;
    if (!locked || locked.status === 'unlinked') return 'none';
    return unpaid ? stepUnpaid(tx, ctx, locked, period, unpaid, now) : markPaid(tx, ctx, locked, period);
  });
}

async function markPaid(tx: Tx, ctx: PartnerCtx, number: WhatsappNumberView, period: string): Promise<FeeOutcome> {
  await tx.update(whatsappNumbers).set({ feePaidPeriod: period, feeUnpaidReason: null, feeGraceEndsAt: null, feeSuspendedAt: null }).where(eq(whatsappNumbers.id, number.id));
  if (!number.feeSuspendedAt) return 'paid';
  const resumed = { ...number, feeSuspendedAt: null, feeGraceEndsAt: null };
  await recordAudit(tx, ctx, { partnerId: number.partnerId, action: 'whatsapp_number.resumed', targetType: 'whatsapp_number', targetId: number.id, after: { period } });
  await emitEvent(tx, number.partnerId, 'whatsapp_number.resumed', { whatsapp_number: numberEventData(resumed), period });
  return 'resumed';
}

async function stepUnpaid(tx: Tx, ctx: PartnerCtx, number: WhatsappNumberView, period: string, reason: string, now: Date): Promise<FeeOutcome> {
  const settings = await numberSettingsOf(tx, number.partnerId);
  if (!number.feeGraceEndsAt) {
    const graceEndsAt = new Date(now.getTime() + settings.graceDays * dayMs);
    await tx.update(whatsappNumbers).set({ feeUnpaidReason: reason, feeGraceEndsAt: graceEndsAt }).where(eq(whatsappNumbers.id, number.id));
    const after = { ...number, feeGraceEndsAt: graceEndsAt };
    await emitEvent(tx, number.partnerId, 'whatsapp_number.fee_unpaid', { whatsapp_number: numberEventData(after), period, reason, grace_ends_at: graceEndsAt.toISOString() });
    await recordAudit(tx, ctx, { partnerId: number.partnerId, action: 'whatsapp_number.fee_unpaid', targetType: 'whatsapp_number', targetId: number.id, after: { period, reason, grace_ends_at: graceEndsAt.toISOString() } });
    const [client] = await tx.select({ name: clients.name, email: clients.email }).from(clients).where(eq(clients.id, number.clientId)).limit(1);
    const price = await priceOf(tx, number.partnerId, 'whatsapp_number_month');
    await queueTemplatedEmail(tx, {
      partnerId: number.partnerId,
      clientId: number.clientId,
      to: client!.email,
      type: 'whatsapp_fee_unpaid',
      values: { 'client.name': client!.name, 'number.display': number.displayPhoneNumber, 'fee.amount': formatInr(price.retail), 'fee.suspend_on': istDate(graceEndsAt) },
    });
    return 'grace';
  }
  if (!number.feeSuspendedAt && number.feeGraceEndsAt <= now) {
    const unlinkOn = new Date(now.getTime() + settings.suspendedDays * dayMs);
    await tx.update(whatsappNumbers).set({ feeUnpaidReason: reason, feeSuspendedAt: now }).where(eq(whatsappNumbers.id, number.id));
    const after = { ...number, feeSuspendedAt: now };
    await emitEvent(tx, number.partnerId, 'whatsapp_number.suspended', { whatsapp_number: numberEventData(after), period, reason, unlink_at: unlinkOn.toISOString() });
    await recordAudit(tx, ctx, { partnerId: number.partnerId, action: 'whatsapp_number.suspended', targetType: 'whatsapp_number', targetId: number.id, after: { period, reason, unlink_at: unlinkOn.toISOString() } });
    await emailAdmins(tx, after, 'suspended for an unpaid fee', [`Its monthly fee for ${period} stayed unpaid past the grace period: ${reason}`, `It takes no messages now and is unlinked on ${istDate(unlinkOn)} unless the fee is paid.`], 'Add credits to the client’s wallet (or your prepaid balance); the fee is charged again at the next daily check.');
    return 'suspended';
  }
  if (number.feeSuspendedAt && number.feeSuspendedAt.getTime() + settings.suspendedDays * dayMs <= now.getTime()) {
    await unlinkLocked(tx, ctx, number, 'unpaid', now);
    return 'unlinked';
  }
  await tx.update(whatsappNumbers).set({ feeUnpaidReason: reason }).where(eq(whatsappNumbers.id, number.id));
  return 'waiting';
}
