import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { whatsappNumbers } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { AppError } from '@/lib/errors/app-error';
import { chargeRecurring } from '@/lib/ledger/recurring-charge';
import { formatInr } from '@/lib/ledger/format';
import { periodOf } from '@/lib/periods/ist-month';
import type { WhatsappNumberView } from './number-view';

/**
 * The monthly fee of a linked number: the client's wallet pays the partner's retail price of
 * `whatsapp_number_month` once per IST month (the ledger's recurring charge makes a second attempt, by any
 * worker, a no-op). Charged when the number is linked and at each daily check; a month the client cannot pay
 * is recorded on the number and tried again the next day, the number working meanwhile.
 */
export async function chargeMonthlyFee(ctx: PartnerCtx, number: Pick<WhatsappNumberView, 'id' | 'clientId' | 'status' | 'feePaidPeriod' | 'displayPhoneNumber'>, now: Date = new Date()): Promise<WhatsappNumberView['feeUnpaidReason']> {
  if (number.status === 'unlinked') return null;
  const period = periodOf(now).key;
  if (number.feePaidPeriod === period) return null;
  let unpaid: string | null;
  try {
    const result = await chargeRecurring(ctx, { clientId: number.clientId, product: 'whatsapp_number_month', subjectId: number.id, period, memo: `WhatsApp number ${number.displayPhoneNumber}, ${period}` });
    unpaid = result.outcome === 'cannot_pay' ? (result.side === 'client' ? `The client’s wallet lacks ${formatInr(result.shortfall)} for ${period}.` : `Your prepaid balance lacks ${formatInr(result.shortfall)} for ${period}.`) : null;
  } catch (error) {
    // A client the ledger will not charge (suspended, expired) is a month unpaid too, said in the ledger's words.
    if (!(error instanceof AppError)) throw error;
    unpaid = `${error.message} (${period})`;
  }
  await getDb()
    .update(whatsappNumbers)
    .set(unpaid ? { feeUnpaidReason: unpaid } : { feePaidPeriod: period, feeUnpaidReason: null })
    .where(eq(whatsappNumbers.id, number.id));
  return unpaid;
}
