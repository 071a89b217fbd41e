import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { invoices } from '@/db/schema';
import type { Ctx, PartnerCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { requireOperator, requirePartnerRole } from '@/lib/auth/permissions';
import { AppError, notFound } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { periodFromKey, periodKeySchema, periodOf, previousPeriod } from '@/lib/periods/ist-month';
import { logger } from '@/lib/log/logger';
import { queueInvoiceEmail } from './finish-invoice';
import { generateMonth, resumeDraftInvoices } from './generate';
import { getInvoice, getOperatorInvoice } from './read-invoices';

export const generateNowSchema = z.object({ period: periodKeySchema, partnerId: z.string().min(1).max(64).optional() });

/** A month that has ended in India: one still running would be invoiced before all its charges are in. */
function endedPeriod(key: string, now: Date) {
  const period = periodFromKey(key);
  if (period.end > now) throw new AppError('validation_failed', 'Invoices are made for a month that has ended; choose an earlier month.', { period: 'Choose a month that has ended.' });
  return period;
}

/** The partner's invoices to its clients for a past month, now (what exists already is kept as it is). */
export async function generatePartnerInvoicesNow(ctx: PartnerCtx, input: Untrusted<{ period: string }>, now: Date = new Date()) {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(generateNowSchema.pick({ period: true }), input);
  const result = await generateMonth(endedPeriod(data.period, now), { partnerId: ctx.partnerId, issuer: 'partner', now });
  await recordAudit(getDb(), ctx, { partnerId: ctx.partnerId, action: 'invoices.generated', targetType: 'partner', targetId: ctx.partnerId, after: { period: data.period, ...result } });
  return result;
}

/** The operator runs a past month for every partner or one: both its wholesale invoices and the partners' to clients. */
export async function generateInvoicesNow(ctx: Ctx, input: Untrusted<z.input<typeof generateNowSchema>>, now: Date = new Date()) {
  requireOperator(ctx);
  const data = parseInput(generateNowSchema, input);
  const result = await generateMonth(endedPeriod(data.period, now), { partnerId: data.partnerId, now });
  await recordAudit(getDb(), ctx, { partnerId: data.partnerId ?? null, action: 'invoices.generated', targetType: 'period', targetId: data.period, after: result });
  return result;
}

/** E-mails an invoice again (a client lost it, or its address changed). */
export async function resendInvoice(ctx: PartnerCtx, invoiceId: string, now: Date = new Date()) {
  requirePartnerRole(ctx, 'admin');
  const invoice = await getInvoice(ctx, invoiceId);
  if (invoice.issuer !== 'partner') throw notFound('Invoice');
  return resend(ctx, invoice.id, now);
}

export async function resendOperatorInvoice(ctx: Ctx, invoiceId: string, now: Date = new Date()) {
  const invoice = await getOperatorInvoice(ctx, invoiceId);
  return resend(ctx, invoice.id, now);
}

async function resend(ctx: Ctx, invoiceId: string, now: Date) {
  return getDb().transaction(async (tx) => {
    const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId)).for('update');
    if (!invoice) throw notFound('Invoice');
    if (invoice.status === 'draft') throw new AppError('conflict', 'This invoice is still being prepared; it is e-mailed when its PDF is ready.');
    const sent = await queueInvoiceEmail(tx, invoice);
    if (!sent) throw new AppError('validation_failed', 'There is no e-mail address to send this invoice to.');
    await tx.update(invoices).set({ status: 'sent', sentAt: now }).where(and(eq(invoices.id, invoiceId)));
    await recordAudit(tx, ctx, { partnerId: invoice.partnerId, action: 'invoice.resent', targetType: 'invoice', targetId: invoice.id, after: { number: invoice.number, recipients: sent } });
    return { sent };
  });
}

let lastInvoicedPeriod: string | null = null;

/**
 * The worker's part: once a month has ended in India (from 00:00 IST on the 1st), every invoice and credit note
 * of it; then any draft a crash left. Generation is idempotent, so a restarted worker or a second one running
 * the month again changes nothing; this process remembers the month it finished to skip the scan after that.
 */
export async function runMonthlyInvoicing(now: Date = new Date()): Promise<void> {
  const month = previousPeriod(periodOf(now));
  if (lastInvoicedPeriod !== month.key) {
    const result = await generateMonth(month, { now });
    if (result.created) logger.info('monthly invoices generated', { period: month.key, ...result });
    if (!result.failed) lastInvoicedPeriod = month.key;
  }
  await resumeDraftInvoices();
}
