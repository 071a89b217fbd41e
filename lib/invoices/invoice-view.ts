import type { Invoice, InvoiceParty } from '@/db/schema';
import { formatInr } from '@/lib/ledger/format';
import { describeProduct, stateName } from './gst';

/**
 * An invoice as a reader sees it, in the words and figures its PDF prints, so the console's detail page and the
 * PDF never disagree on a title, a tax label or a total. Pure: no database, no rendering.
 */

/** The stored invoice and its parties, for faces that show one (they never import the schema). */
export type { Invoice, InvoiceParty };

/** What CGST Rule 46 / 49 / 53 calls the document: a credit note, a bill of supply (no GSTIN), or a tax invoice. */
export const invoiceTitle = (invoice: Pick<Invoice, 'kind' | 'supply'>) => (invoice.kind === 'credit_note' ? 'Credit note' : invoice.supply === 'none' ? 'Bill of supply' : 'Tax invoice');

/** A date as printed on the document: the day in India, whatever the server's zone. */
export const istDate = (d: Date) => new Intl.DateTimeFormat('en-IN', { timeZone: 'Asia/Kolkata', day: 'numeric', month: 'short', year: 'numeric' }).format(d);

/** "Maharashtra (27)"; a dash when the state is not known. */
export function placeOfSupplyLabel(code: string): string {
  return `${stateName(code) || '—'}${code ? ` (${code})` : ''}`;
}

/** A party's state and PIN line, and its GSTIN line (or that it is unregistered). */
export function partyLines(party: InvoiceParty): { state: string; gstin: string } {
  const state = party.stateCode ? `${party.stateName || stateName(party.stateCode)} (${party.stateCode})` : 'State not on record';
  return { state: `${state}${party.pin ? `, PIN ${party.pin}` : ''}`, gstin: party.gstin ? `GSTIN ${party.gstin}` : 'Unregistered (no GSTIN)' };
}

export const partyHeadings = (invoice: Pick<Invoice, 'kind'>) => ({ seller: 'From', buyer: invoice.kind === 'credit_note' ? 'Credited to' : 'Billed to' });

export type InvoiceViewLine = { product: string; description: string; sac: string; quantity: string; rate: string; amount: string; taxable: string; gst: string };

/**
 * Each line's figures. Prices include GST, so a line's GST is its amount less its taxable value; the tax itself is
 * charged once on the document's taxable total, and the difference (a few paise) is the rounding line.
 */
export function invoiceLines(invoice: Pick<Invoice, 'lines'>): InvoiceViewLine[] {
  return invoice.lines.map((line) => ({
    product: line.product,
    description: line.description || describeProduct(line.product),
    sac: line.sac,
    quantity: String(line.quantity),
    rate: formatInr(BigInt(line.unitRate)),
    amount: formatInr(BigInt(line.gross)),
    taxable: formatInr(BigInt(line.taxable)),
    gst: formatInr(BigInt(line.gross) - BigInt(line.taxable)),
  }));
}

/** The totals block: taxable value, the tax by kind and rate (none on a bill of supply), rounding; then the total. */
export function invoiceTotals(invoice: Pick<Invoice, 'kind' | 'supply' | 'taxable' | 'cgst' | 'sgst' | 'igst' | 'rounding' | 'total'>): { rows: [string, bigint][]; total: [string, bigint] } {
  const rows: [string, bigint][] = [['Taxable value', invoice.taxable]];
  if (invoice.supply === 'intra') rows.push(['CGST 9%', invoice.cgst], ['SGST 9%', invoice.sgst]);
  if (invoice.supply === 'inter') rows.push(['IGST 18%', invoice.igst]);
  rows.push(['Rounding', invoice.rounding]);
  return { rows, total: [invoice.kind === 'credit_note' ? 'Total credited' : 'Total', invoice.total] };
}

/** The note under the totals: how the tax was worked out, or that there is none. */
export function taxNote(invoice: Pick<Invoice, 'supply'>): string {
  return invoice.supply === 'none'
    ? 'The supplier is not registered for GST: no tax is charged.'
    : 'Prices include GST at 18%. Each line’s taxable value is its amount × 100/118, rounded to the paisa; the tax is charged on the total taxable value, each component rounded to the paisa; the rounding line makes the total equal the amount charged.';
}

export const supplyLabels = { intra: 'Intra-state (CGST + SGST)', inter: 'Inter-state (IGST)', none: 'Bill of supply (supplier not registered for GST)' } as const;
