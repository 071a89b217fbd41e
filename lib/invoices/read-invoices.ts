import { and, eq, getTableColumns, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { invoiceFiles, invoices, type Invoice } from '@/db/schema';
import type { Ctx, PartnerCtx } from '@/lib/audit/context';
import { requireOperator, requirePartnerRole } from '@/lib/auth/permissions';
import { notFound } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { cursorQuery, listParamsShape, toPage, type Page } from '@/lib/pagination/cursor';
import { cursorClauses } from '@/lib/pagination/cursor-sql';
import { periodKeySchema } from '@/lib/periods/ist-month';
import { isId } from '@/lib/ids';
import { finishInvoice } from './finish-invoice';

export const invoiceFiltersSchema = z.object({
  ...listParamsShape,
  /** `partner`: your invoices to your clients; `operator`: ours to you. */
  issuer: z.enum(['partner', 'operator']).default('partner'),
  period: periodKeySchema.optional(),
  client_id: z.string().min(1).max(64).optional(),
  status: z.enum(['draft', 'issued', 'sent']).optional(),
  kind: z.enum(['invoice', 'credit_note']).optional(),
});

export type InvoiceFilters = z.input<typeof invoiceFiltersSchema>;
/** A list row: everything but the lines and the parties' addresses, which the detail has. */
export type InvoiceSummary = Omit<Invoice, 'lines' | 'seller' | 'buyer'> & { buyerName: string; sellerName: string };

async function listWhere(where: SQL, params: { limit: number; starting_after?: string; ending_before?: string }): Promise<Page<InvoiceSummary>> {
  const query = cursorQuery(params);
  const clauses = cursorClauses(invoices.id, query);
  const { lines: _lines, seller: _seller, buyer: _buyer, ...columns } = getTableColumns(invoices);
  const rows = await getDb()
    .select({ ...columns, buyerName: invoices.buyer, sellerName: invoices.seller })
    .from(invoices)
    .where(and(where, clauses.where))
    .orderBy(clauses.orderBy)
    .limit(query.take);
  return toPage(
    rows.map((r) => ({ ...r, buyerName: r.buyerName.name, sellerName: r.sellerName.name })),
    query,
  );
}

/** A partner's invoices to its clients (or the operator's to it), newest first, by month, client, status, kind. */
export async function listInvoices(ctx: PartnerCtx, input: Untrusted<InvoiceFilters>): Promise<Page<InvoiceSummary>> {
  requirePartnerRole(ctx, 'member');
  const f = parseInput(invoiceFiltersSchema, input);
  const where = and(
    eq(invoices.partnerId, ctx.partnerId),
    eq(invoices.issuer, f.issuer),
    f.period ? eq(invoices.period, f.period) : undefined,
    f.client_id ? eq(invoices.clientId, f.client_id) : undefined,
    f.status ? eq(invoices.status, f.status) : undefined,
    f.kind ? eq(invoices.kind, f.kind) : undefined,
  )!;
  return listWhere(where, f);
}

/** One of the partner's invoices (to a client, or the operator's to it); anyone else's is a 404. */
export async function getInvoice(ctx: PartnerCtx, invoiceId: string): Promise<Invoice> {
  requirePartnerRole(ctx, 'member');
  if (!isId('invoice', invoiceId)) throw notFound('Invoice');
  const [row] = await getDb().select().from(invoices).where(and(eq(invoices.id, invoiceId), eq(invoices.partnerId, ctx.partnerId)));
  if (!row) throw notFound('Invoice');
  return row;
}

/** A client member's view: the partner's invoices to that client only. */
export type ClientCtx = PartnerCtx & { clientId: string };

export async function listClientInvoices(ctx: ClientCtx, input: { limit?: number; starting_after?: string; period?: string } = {}) {
  const f = parseInput(invoiceFiltersSchema, { ...input, issuer: 'partner' });
  return listWhere(and(eq(invoices.partnerId, ctx.partnerId), eq(invoices.issuer, 'partner'), eq(invoices.clientId, ctx.clientId), f.period ? eq(invoices.period, f.period) : undefined)!, f);
}

export async function getClientInvoice(ctx: ClientCtx, invoiceId: string): Promise<Invoice> {
  if (!isId('invoice', invoiceId)) throw notFound('Invoice');
  const [row] = await getDb()
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, invoiceId), eq(invoices.partnerId, ctx.partnerId), eq(invoices.issuer, 'partner'), eq(invoices.clientId, ctx.clientId)));
  if (!row) throw notFound('Invoice');
  return row;
}

export const operatorInvoiceFiltersSchema = z.object({ ...listParamsShape, partner_id: z.string().min(1).max(64).optional(), period: periodKeySchema.optional(), status: z.enum(['draft', 'issued', 'sent']).optional() });

/** The operator's invoices and credit notes to partners. */
export async function listOperatorInvoices(ctx: Ctx, input: Untrusted<z.input<typeof operatorInvoiceFiltersSchema>>) {
  requireOperator(ctx);
  const f = parseInput(operatorInvoiceFiltersSchema, input);
  return listWhere(and(eq(invoices.issuer, 'operator'), f.partner_id ? eq(invoices.partnerId, f.partner_id) : undefined, f.period ? eq(invoices.period, f.period) : undefined, f.status ? eq(invoices.status, f.status) : undefined)!, f);
}

export async function getOperatorInvoice(ctx: Ctx, invoiceId: string): Promise<Invoice> {
  requireOperator(ctx);
  if (!isId('invoice', invoiceId)) throw notFound('Invoice');
  const [row] = await getDb().select().from(invoices).where(and(eq(invoices.id, invoiceId), eq(invoices.issuer, 'operator')));
  if (!row) throw notFound('Invoice');
  return row;
}

/** The stored PDF of an invoice the caller could read; drawn and stored now if a crash left it a draft. */
export async function invoicePdf(invoice: Invoice): Promise<{ filename: string; content: Buffer; sha256: string }> {
  const filename = `${invoice.number.replace(/\//g, '-')}.pdf`;
  let [file] = await getDb().select().from(invoiceFiles).where(eq(invoiceFiles.invoiceId, invoice.id));
  if (!file) {
    await finishInvoice(invoice.id);
    [file] = await getDb().select().from(invoiceFiles).where(eq(invoiceFiles.invoiceId, invoice.id));
  }
  if (!file) throw notFound('Invoice PDF');
  return { filename, content: file.content, sha256: file.sha256 };
}

export function pdfResponse(pdf: { filename: string; content: Buffer }, disposition: 'attachment' | 'inline' = 'attachment'): Response {
  return new Response(new Uint8Array(pdf.content), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Length': String(pdf.content.length),
      'Content-Disposition': `${disposition}; filename="${pdf.filename}"`,
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}
