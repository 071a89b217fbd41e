import { periodOf, previousPeriod, type Period } from '@/lib/periods/ist-month';
import type { FilterDef } from '@/lib/tables/table-params';
import type { InvoiceSummary } from './read-invoices';
import { invoiceStatusLabels } from './status-labels';

/** The last twelve ended months, newest first: what "generate now" and the month filter offer. */
export function endedMonths(now: Date = new Date(), count = 12): Period[] {
  const months: Period[] = [];
  let month = previousPeriod(periodOf(now));
  for (let i = 0; i < count; i++, month = previousPeriod(month)) months.push(month);
  return months;
}

export const invoiceTableFilters = (now: Date = new Date()) =>
  [
    { id: 'period', label: 'Month', options: endedMonths(now).map((m) => ({ value: m.key, label: m.key })) },
    { id: 'status', label: 'Status', options: Object.entries(invoiceStatusLabels).map(([value, label]) => ({ value, label })) },
    { id: 'kind', label: 'Kind', options: [{ value: 'invoice', label: 'Invoices' }, { value: 'credit_note', label: 'Credit notes' }] },
  ] as const satisfies readonly FilterDef[];

/** A page of invoices as table rows; with `detail`, each number opens the invoice's page (else its PDF). */
export function invoiceRows(rows: InvoiceSummary[], hrefs: { pdf: (id: string) => string; party: (row: InvoiceSummary) => string | null; detail?: (id: string) => string }, party: (row: InvoiceSummary) => string = (row) => row.buyerName) {
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    kind: row.kind,
    period: row.period,
    party: party(row),
    partyHref: hrefs.party(row),
    total: row.total.toString(),
    tax: (row.cgst + row.sgst + row.igst).toString(),
    status: row.status,
    issuedAt: row.issuedAt,
    pdfHref: hrefs.pdf(row.id),
    detailHref: hrefs.detail ? hrefs.detail(row.id) : null,
  }));
}
