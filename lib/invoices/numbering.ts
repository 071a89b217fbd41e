import { sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { sqlRows } from '@/lib/ledger/sql-rows';

const istOffsetMs = (5 * 60 + 30) * 60_000;

/** The Indian financial year (April to March, India time) of an instant: `2026-27`. */
export function financialYearOf(instant: Date): string {
  const ist = new Date(instant.getTime() + istOffsetMs);
  const start = ist.getUTCMonth() >= 3 ? ist.getUTCFullYear() : ist.getUTCFullYear() - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

export const invoiceSeriesCode = { invoice: 'INV', credit_note: 'CN' } as const;

/**
 * `INV/2627/00042`: series, the financial year's two two-digit halves, and the sequence. At most 16 characters
 * (CGST Rule 46: letters, digits, `-` and `/`) up to 9,999,999 documents per series and year.
 */
export function formatInvoiceNumber(series: string, financialYear: string, sequence: number): string {
  const number = `${series}/${financialYear.slice(2, 4)}${financialYear.slice(5, 7)}/${String(sequence).padStart(5, '0')}`;
  if (number.length > 16) throw new RangeError(`Invoice number ${number} is longer than 16 characters.`);
  return number;
}

/**
 * The next number of a series in a financial year, in the caller's transaction. The counter row stays locked
 * until that transaction ends, so concurrent generations queue on it for the few statements left and each gets
 * the next number; a transaction that rolls back gives its number back with it, so there are never gaps.
 * Callers take it last, just before inserting the document (a short lock, as Lago's fix for its races did).
 */
export async function allocateInvoiceNumber(tx: Tx, owner: string, series: string, financialYear: string): Promise<{ sequence: number; number: string }> {
  const [row] = await sqlRows<{ last_sequence: number }>(tx, sql`
    insert into invoice_series (series_owner, series, financial_year, last_sequence) values (${owner}, ${series}, ${financialYear}, 1)
    on conflict (series_owner, series, financial_year) do update set last_sequence = invoice_series.last_sequence + 1
    returning last_sequence`);
  const sequence = Number(row!.last_sequence);
  return { sequence, number: formatInvoiceNumber(series, financialYear, sequence) };
}
