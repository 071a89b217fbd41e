import { ledgerTransferKind, type LedgerTransferKind } from '@/db/schema';
import type { StatementFilters } from './statements';
import { storableIsoDate } from '@/lib/dates/storable-date';

const first = (value: string | string[] | null | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
const date = storableIsoDate('Use a date as YYYY-MM-DD.');

/** A range of India dates (`YYYY-MM-DD`, either end optional) as instants: from 00:00 IST to the end of the last day. */
export function indiaDateRange(from: string | undefined, to: string | undefined): { from?: Date; to?: Date; raw: { from?: string; to?: string } } {
  const fromDate = from && date.safeParse(from).success ? from : undefined;
  const toDate = to && date.safeParse(to).success ? to : undefined;
  return {
    from: fromDate ? new Date(`${fromDate}T00:00:00+05:30`) : undefined,
    to: toDate ? new Date(new Date(`${toDate}T00:00:00+05:30`).getTime() + 86_399_999) : undefined,
    raw: { ...(fromDate ? { from: fromDate } : {}), ...(toDate ? { to: toDate } : {}) },
  };
}

/**
 * A statement's filters from a console URL (`type`, `from`, `to` as India dates, `number`): what the page's
 * GET form sends and the CSV export reads, so an export holds exactly what the page shows. Bad values are
 * dropped, as a hand-edited URL should show everything rather than fail.
 */
export function statementFiltersFrom(params: Record<string, string | string[] | undefined> | URLSearchParams): StatementFilters & { raw: Record<string, string> } {
  const get = (name: string) => first(params instanceof URLSearchParams ? params.get(name) : params[name]);
  const type = get('type');
  const from = get('from');
  const to = get('to');
  const number = get('number')?.slice(0, 200);
  const kind = type && (ledgerTransferKind.enumValues as readonly string[]).includes(type) ? (type as LedgerTransferKind) : undefined;
  const range = indiaDateRange(from, to);
  const raw: Record<string, string> = {};
  if (kind) raw.type = kind;
  Object.assign(raw, range.raw);
  if (number) raw.number = number;
  // The whole of the last day, India time.
  return { kind, from: range.from, to: range.to, objectId: number, raw };
}
