import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { invoices, type Invoice, type InvoiceParty } from '@/db/schema';
import { emitEvent } from '@/lib/events/emit-event';
import { logger } from '@/lib/log/logger';
import type { Period } from '@/lib/periods/ist-month';
import { sqlRows } from '@/lib/ledger/sql-rows';
import { placeOfSupply, taxDocument } from './gst';
import { monthCharges, monthRecipients, monthRefunds, type Side } from './month-charges';
import { allocateInvoiceNumber, financialYearOf, invoiceSeriesCode } from './numbering';
import { clientParty, operatorParty, partnerParty } from './parties';
import { finishInvoice } from './finish-invoice';

export type InvoiceKind = Invoice['kind'];

const clientIdOf = (side: Side) => (side.issuer === 'partner' ? side.clientId : null);
const seriesOwnerOf = (side: Side) => (side.issuer === 'partner' ? side.partnerId : 'operator');

const onceWhere = (side: Side, period: Period, kind: InvoiceKind) =>
  and(eq(invoices.partnerId, side.partnerId), eq(invoices.issuer, side.issuer), side.issuer === 'partner' ? eq(invoices.clientId, side.clientId) : isNull(invoices.clientId), eq(invoices.period, period.key), eq(invoices.kind, kind));

async function partiesOf(tx: Tx, side: Side): Promise<{ seller: InvoiceParty; buyer: InvoiceParty }> {
  if (side.issuer === 'operator') return { seller: await operatorParty(tx), buyer: await partnerParty(tx, side.partnerId) };
  const { email: _email, ...buyer } = await clientParty(tx, side.partnerId, side.clientId);
  return { seller: await partnerParty(tx, side.partnerId), buyer };
}

/**
 * The month's invoice (or credit note) from one issuer to one recipient, created once: a second call — after a
 * crash, from another worker, or a "generate now" racing the schedule — finds the first one's document. The
 * (issuer, recipient, month, kind) is locked for the transaction, so two generations of the same document queue
 * rather than both numbering one; the number is taken last (see allocateInvoiceNumber). Null when the month
 * has nothing to put on it. The PDF and the e-mail follow in finishInvoice, resumed for drafts a crash left.
 */
export async function createInvoice(side: Side, kind: InvoiceKind, period: Period, now: Date = new Date()): Promise<{ invoice: Invoice; created: boolean } | null> {
  return getDb().transaction(async (tx) => {
    const key = `invoice:${side.partnerId}:${side.issuer}:${clientIdOf(side) ?? ''}:${period.key}:${kind}`;
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
    const [existing] = await tx.select().from(invoices).where(onceWhere(side, period, kind)).limit(1);
    if (existing) return { invoice: existing, created: false };

    const refunds = kind === 'credit_note' ? await monthRefunds(tx, side, period) : null;
    const groups = refunds ? refunds.groups : await monthCharges(tx, side, period);
    if (!groups.length) return null;
    const { seller, buyer } = await partiesOf(tx, side);
    const { placeOfSupply: place, supply } = placeOfSupply(seller.stateCode, buyer.stateCode, Boolean(seller.gstin));
    const document = taxDocument(groups, supply);
    const refersTo = refunds?.chargedIn.length
      ? await tx
          .select({ id: invoices.id, number: invoices.number })
          .from(invoices)
          .where(and(eq(invoices.partnerId, side.partnerId), eq(invoices.issuer, side.issuer), side.issuer === 'partner' ? eq(invoices.clientId, side.clientId) : isNull(invoices.clientId), eq(invoices.kind, 'invoice'), inArray(invoices.period, refunds.chargedIn)))
          .orderBy(invoices.period)
      : [];

    const financialYear = financialYearOf(now);
    const series = invoiceSeriesCode[kind];
    const { sequence, number } = await allocateInvoiceNumber(tx, seriesOwnerOf(side), series, financialYear);
    const [invoice] = await tx
      .insert(invoices)
      .values({ partnerId: side.partnerId, issuer: side.issuer, kind, clientId: clientIdOf(side), period: period.key, seriesOwner: seriesOwnerOf(side), series, financialYear, sequence, number, status: 'draft', seller, buyer, placeOfSupply: place, supply, ...document, refersTo, issuedAt: now })
      .returning();
    await emitEvent(tx, side.partnerId, 'invoice.generated', invoiceEventPayload(invoice!));
    return { invoice: invoice!, created: true };
  });
}

export function invoiceEventPayload(invoice: Invoice) {
  return {
    invoice_id: invoice.id,
    kind: invoice.kind,
    issuer: invoice.issuer,
    number: invoice.number,
    client_id: invoice.clientId,
    period: invoice.period,
    taxable: Number(invoice.taxable),
    tax: Number(invoice.cgst + invoice.sgst + invoice.igst),
    total: Number(invoice.total),
    refers_to: invoice.refersTo.map((r) => r.number),
  };
}

export type GenerateMonthOptions = {
  partnerId?: string;
  issuer?: Side['issuer'];
  now?: Date;
  /** false: leave them drafts for the worker to finish (demo seeding). */
  finish?: boolean;
  /** `partnerId` is a sandbox, run by its test clock: only its own invoices to its clients (see below). */
  sandbox?: boolean;
};

/**
 * Every invoice and credit note of a month, for all live partners or one: each recipient's invoice, then its
 * credit note (which refers to the invoice), each finished (PDF stored, e-mailed) before the next. Safe to run
 * again and again: what exists is found, not made twice. One recipient's failure is logged and the rest go on.
 *
 * A sandbox is invoiced only when named, by its test clock, and only by itself to its clients (numbered in its
 * own series): the operator's invoices to partners are numbered in the operator's real GST series, which must
 * run without gaps, and a sandbox's documents are deleted at its next reset.
 */
export async function generateMonth(period: Period, options: GenerateMonthOptions = {}) {
  const now = options.now ?? new Date();
  if (options.sandbox && !options.partnerId) throw new Error('A sandbox month is generated for one sandbox at a time.');
  const issuer = options.sandbox ? 'partner' : options.issuer;
  const sides = (await monthRecipients(getDb(), period, options.partnerId, options.sandbox ? 'sandbox' : 'live')).filter((side) => !issuer || side.issuer === issuer);
  const result = { created: 0, existing: 0, failed: 0 };
  for (const side of sides) {
    for (const kind of ['invoice', 'credit_note'] as const) {
      try {
        const made = await createInvoice(side, kind, period, now);
        if (!made) continue;
        result[made.created ? 'created' : 'existing'] += 1;
        if (made.invoice.status === 'draft' && options.finish !== false) await finishInvoice(made.invoice.id);
      } catch (error) {
        result.failed += 1;
        logger.error('invoice generation failed', { partnerId: side.partnerId, issuer: side.issuer, period: period.key, kind, error: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  return result;
}

/** Drafts a crash left (numbered, without their PDF): finished now, oldest first. */
export async function resumeDraftInvoices(limit = 50): Promise<number> {
  const drafts = await sqlRows<{ id: string }>(getDb(), sql`select id from invoices where status = 'draft' order by created_at limit ${limit}`);
  for (const draft of drafts) await finishInvoice(draft.id).catch((error: unknown) => logger.error('invoice finishing failed', { invoiceId: draft.id, error: error instanceof Error ? error.message : String(error) }));
  return drafts.length;
}
