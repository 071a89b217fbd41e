import type { ClientListRow } from './search-clients';

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled. A value that a
 * spreadsheet would run as a formula (=, +, -, @, tab or carriage return first) gets a leading apostrophe:
 * client names come from prospects, and an export must not become a way to run their input on staff machines.
 */
export function csvField(value: string | number | boolean | Date | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (fields: Parameters<typeof csvField>[0][]) => `${fields.map(csvField).join(',')}\r\n`;

export const clientCsvHeader = csvLine(['id', 'name', 'email', 'status', 'kyc', 'created_at']);

export const clientCsvLine = (row: ClientListRow) =>
  csvLine([row.id, row.name, row.email, row.status, row.kycCompleted ? 'completed' : 'not_onboarded', row.createdAt]);
