import { ledgerTransferKind, type LedgerTransferKind } from '@/db/schema';
import type { StatementFilters } from './statements';
import { storableIsoDate } from '@/lib/dates/storable-date';

const first = (value: string | string[] | null | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
const date = storableIsoDate('Use a date as YYYY-MM-DD.');

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
  const fromDate = from && date.safeParse(from).success ? from : undefined;
  const toDate = to && date.safeParse(to).success ? to : undefined;
  const raw: Record<string, string> = {};
  if (kind) raw.type = kind;
  if (fromDate) raw.from = fromDate;
  if (toDate) raw.to = toDate;
  if (number) raw.number = number;
  return {
    kind,
    from: fromDate ? new Date(`${fromDate}T00:00:00+05:30`) : undefined,
    // The whole of the last day, India time.
    to: toDate ? new Date(new Date(`${toDate}T00:00:00+05:30`).getTime() + 86_399_999) : undefined,
    objectId: number,
    raw,
  };
}
