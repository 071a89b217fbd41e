import { z } from 'zod';
import type { Invoice, InvoiceParty } from '@/db/schema';
import type { InvoiceSummary } from '@/lib/invoices/read-invoices';
import { listParamsShape, type Page } from '@/lib/pagination/cursor';
import { defineOperation } from '../operation';
import { idOf, pageOf, timestamp } from '../schemas';

const paise = (description: string) => z.number().int().meta({ description: `${description} (paise).` });
const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Give the month as YYYY-MM.').meta({ description: 'An IST calendar month, YYYY-MM.', example: '2026-11' });
const status = z.enum(['draft', 'issued', 'sent']).meta({ description: '`draft`: numbered, its PDF being prepared; `issued`: PDF stored; `sent`: also e-mailed to the recipient.' });

const partyResource = z.object({
  name: z.string(),
  address: z.string(),
  state_code: z.string().meta({ description: 'GST state code; empty when not on record.' }),
  state: z.string(),
  pin: z.string().nullable(),
  gstin: z.string().nullable().meta({ description: 'Null for an unregistered party.' }),
});

const summaryShape = {
  object: z.enum(['invoice', 'credit_note']),
  id: idOf('inv', 'The invoice’s id.'),
  issuer: z.enum(['partner', 'operator']).meta({ description: '`partner`: your invoice to your client; `operator`: ours to you, for the wholesale side.' }),
  number: z.string().meta({ description: 'Consecutive per series (`INV`, `CN`) and financial year; at most 16 characters.' }),
  financial_year: z.string().meta({ example: '2026-27' }),
  period,
  status,
  client_id: z.string().nullable().meta({ description: 'The client invoiced; null on our invoices to you.' }),
  seller_name: z.string(),
  buyer_name: z.string(),
  supply: z.enum(['intra', 'inter', 'none']).meta({ description: '`intra`: CGST + SGST; `inter`: IGST; `none`: a bill of supply (the supplier has no GSTIN).' }),
  place_of_supply: z.string(),
  taxable: paise('Taxable value'),
  cgst: paise('CGST'),
  sgst: paise('SGST'),
  igst: paise('IGST'),
  rounding: paise('The rounding line, a few paise either way'),
  total: paise('Total, GST included: the sum of the month’s charges (or refunds)'),
  refers_to: z.array(z.object({ id: z.string(), number: z.string() })).meta({ description: 'A credit note’s invoices.' }),
  issued_at: timestamp,
  sent_at: z.string().nullable().meta({ format: 'date-time' }),
};

export const invoiceSummaryResource = z.object(summaryShape).meta({ id: 'InvoiceSummary' });

export const invoiceResource = z
  .object({
    ...summaryShape,
    seller: partyResource,
    buyer: partyResource,
    lines: z.array(
      z.object({
        product: z.string(),
        description: z.string(),
        sac: z.string().meta({ description: 'The GST services accounting code.' }),
        quantity: z.number().int(),
        unit_rate: paise('Rate per unit, GST included'),
        amount: paise('Quantity × rate, GST included'),
        taxable_value: paise('Amount × 100/118, rounded to the paisa'),
      }),
    ),
  })
  .meta({ id: 'Invoice' });

const summaryExample = {
  object: 'invoice',
  id: 'inv_01kaz3d4mqf2v8n6w0c1e5rj7t',
  issuer: 'partner',
  number: 'INV/2627/00042',
  financial_year: '2026-27',
  period: '2026-11',
  status: 'sent',
  client_id: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t',
  seller_name: 'Acme Telecom Pvt Ltd',
  buyer_name: 'Sharma Traders LLP',
  supply: 'inter',
  place_of_supply: '29',
  taxable: 84_746,
  cgst: 0,
  sgst: 0,
  igst: 15_254,
  rounding: 0,
  total: 1_00_000,
  refers_to: [],
  issued_at: '2026-12-01T00:05:00.000Z',
  sent_at: '2026-12-01T00:05:02.000Z',
};
const invoiceExample = {
  ...summaryExample,
  seller: { name: 'Acme Telecom Pvt Ltd', address: '12 Marine Drive, Mumbai', state_code: '27', state: 'Maharashtra', pin: '400002', gstin: '27AAACA1234A1ZK' },
  buyer: { name: 'Sharma Traders LLP', address: '7 MG Road, Bengaluru', state_code: '29', state: 'Karnataka', pin: '560001', gstin: '29AABCK5678L1ZU' },
  lines: [{ product: 'number_rental_toll_free', description: 'Number rental, toll-free', sac: '998412', quantity: 1, unit_rate: 1_00_000, amount: 1_00_000, taxable_value: 84_746 }],
};

const invoiceParams = z.strictObject({ invoice_id: idOf('inv', 'The invoice’s id.') });

const listQuery = {
  ...listParamsShape,
  issuer: z.enum(['partner', 'operator']).default('partner').meta({ description: '`partner` (default): your invoices to your clients; `operator`: ours to you.' }),
  period: period.optional(),
  customer_id: idOf('cli', 'Only this client’s invoices.').optional(),
  status: status.optional(),
};

export const listInvoicesOperation = defineOperation({
  method: 'GET',
  path: '/invoices',
  operationId: 'listInvoices',
  summary: 'List invoices',
  description: 'Your monthly GST invoices to your clients (or, with `issuer=operator`, ours to you), newest first, by month, client, status and kind. Made on the 1st of each month (India time) for the month before.',
  tag: 'Invoices',
  scope: 'invoices:read',
  query: z.strictObject({ ...listQuery, kind: z.enum(['invoice', 'credit_note']).optional() }),
  response: { status: 200, description: 'A page of invoices.', schema: pageOf(invoiceSummaryResource), example: { object: 'list', data: [summaryExample], has_more: false } },
});

export const listCreditNotesOperation = defineOperation({
  method: 'GET',
  path: '/credit_notes',
  operationId: 'listCreditNotes',
  summary: 'List credit notes',
  description: 'Credit notes for refunds, one per recipient and month, each referring to the invoices that carried the refunded charges; newest first.',
  tag: 'Invoices',
  scope: 'invoices:read',
  query: z.strictObject(listQuery),
  response: {
    status: 200,
    description: 'A page of credit notes.',
    schema: pageOf(invoiceSummaryResource),
    example: { object: 'list', data: [{ ...summaryExample, object: 'credit_note', number: 'CN/2627/00003', refers_to: [{ id: 'inv_01kaz3d4mqf2v8n6w0c1e5rj7t', number: 'INV/2627/00042' }] }], has_more: false },
  },
});

export const getInvoiceOperation = defineOperation({
  method: 'GET',
  path: '/invoices/{invoice_id}',
  operationId: 'getInvoice',
  summary: 'Get an invoice',
  description: 'One invoice or credit note with its parties, lines (SAC, quantity, rate, taxable value) and tax.',
  tag: 'Invoices',
  scope: 'invoices:read',
  params: invoiceParams,
  response: { status: 200, description: 'The invoice.', schema: invoiceResource, example: invoiceExample },
  errors: ['not_found'],
});

export const getInvoicePdfOperation = defineOperation({
  method: 'GET',
  path: '/invoices/{invoice_id}/pdf',
  operationId: 'getInvoicePdf',
  summary: 'Download an invoice’s PDF',
  description: 'The stored PDF, base64-encoded, as e-mailed to the recipient.',
  tag: 'Invoices',
  scope: 'invoices:read',
  params: invoiceParams,
  response: {
    status: 200,
    description: 'The PDF.',
    schema: z.object({ object: z.literal('invoice_pdf'), invoice_id: z.string(), filename: z.string(), content_type: z.literal('application/pdf'), bytes: z.number().int(), sha256: z.string(), content_base64: z.string() }).meta({ id: 'InvoicePdf' }),
    example: { object: 'invoice_pdf', invoice_id: 'inv_01kaz3d4mqf2v8n6w0c1e5rj7t', filename: 'INV-2627-00042.pdf', content_type: 'application/pdf', bytes: 31_542, sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', content_base64: 'JVBERi0xLjMK…' },
  },
  errors: ['not_found'],
});

export const getCommissionStatementOperation = defineOperation({
  method: 'GET',
  path: '/commission_statements/{period}',
  operationId: 'getCommissionStatement',
  summary: 'Download a commission statement',
  description: 'Your commission for one month (India time) as a PDF statement, base64-encoded: retail, wholesale and margin per client, refunds counted against it.',
  tag: 'Invoices',
  scope: 'invoices:read',
  params: z.strictObject({ period }),
  response: {
    status: 200,
    description: 'The statement.',
    schema: z.object({ object: z.literal('commission_statement'), period: z.string(), filename: z.string(), content_type: z.literal('application/pdf'), bytes: z.number().int(), content_base64: z.string() }).meta({ id: 'CommissionStatement' }),
    example: { object: 'commission_statement', period: '2026-11', filename: 'commission-2026-11.pdf', content_type: 'application/pdf', bytes: 18_211, content_base64: 'JVBERi0xLjMK…' },
  },
});

const partyOut = (p: InvoiceParty) => ({ name: p.name, address: p.address, state_code: p.stateCode, state: p.stateName, pin: p.pin, gstin: p.gstin });

export function toInvoiceSummary(i: InvoiceSummary) {
  return {
    object: i.kind,
    id: i.id,
    issuer: i.issuer,
    number: i.number,
    financial_year: i.financialYear,
    period: i.period,
    status: i.status,
    client_id: i.clientId,
    seller_name: i.sellerName,
    buyer_name: i.buyerName,
    supply: i.supply,
    place_of_supply: i.placeOfSupply,
    taxable: Number(i.taxable),
    cgst: Number(i.cgst),
    sgst: Number(i.sgst),
    igst: Number(i.igst),
    rounding: Number(i.rounding),
    total: Number(i.total),
    refers_to: i.refersTo,
    issued_at: i.issuedAt.toISOString(),
    sent_at: i.sentAt?.toISOString() ?? null,
  };
}

export const toInvoiceList = (page: Page<InvoiceSummary>) => ({ object: 'list' as const, data: page.data.map(toInvoiceSummary), has_more: page.has_more });

export function toInvoiceResource(i: Invoice) {
  return {
    ...toInvoiceSummary({ ...i, sellerName: i.seller.name, buyerName: i.buyer.name }),
    seller: partyOut(i.seller),
    buyer: partyOut(i.buyer),
    lines: i.lines.map((l) => ({ product: l.product, description: l.description, sac: l.sac, quantity: l.quantity, unit_rate: Number(l.unitRate), amount: Number(l.gross), taxable_value: Number(l.taxable) })),
  };
}

// A client's billing details are what its invoices print as the recipient; served under /clients/{id}.
export { getBillingDetailsOperation, setBillingDetailsOperation } from './billing-details';
