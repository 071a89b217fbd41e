import type { ClientListRow } from './search-clients';

// What a spreadsheet runs as a formula when a cell starts with it (after any spaces, which Excel and
// LibreOffice skip): =, +, -, @, and tab or carriage return, which some importers strip before evaluating.
const formulaStart = /^[\s]*[=+\-@]|^[\t\r]/;
// A plain decimal (`-300.00`, an exact amount written as text) is a number to a spreadsheet, never a formula.
const plainNumber = /^-?\d+(?:\.\d+)?$/;

// Spreadsheets guess the separator from the locale, not the file: where the decimal mark is a comma, Excel
// splits on semicolons (and a tab-separated import on tabs). An unquoted `x;=1+2` there becomes a cell `=1+2`,
// so every character that might separate cells is quoted, not only the comma RFC 4180 names.
const needsQuotes = /[",;\t\r\n|]/;

/**
 * One CSV field (RFC 4180): quoted when it holds a separator, quote or line break, quotes doubled. Text that a
 * spreadsheet would run as a formula gets a leading apostrophe: client names come from prospects, and an
 * export must not become a way to run their input on staff machines. Numbers, booleans and dates are ours and
 * are written as they are.
 */
export function csvField(value: string | number | boolean | Date | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'string') return String(value);
  const text = formulaStart.test(value) && !plainNumber.test(value) ? `'${value}` : value;
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (fields: Parameters<typeof csvField>[0][]) => `${fields.map(csvField).join(',')}\r\n`;

export const clientCsvHeader = csvLine(['id', 'name', 'email', 'status', 'kyc', 'created_at']);

export const clientCsvLine = (row: ClientListRow) =>
  csvLine([row.id, row.name, row.email, row.status, row.kycCompleted ? 'completed' : 'not_onboarded', row.createdAt]);
