import { csvLine } from '@/lib/clients/client-csv';
import type { PartnerCtx } from '@/lib/audit/context';
import { paiseToDecimal } from './format';
import { clientStatement, type StatementFilters, type StatementLine } from './statements';

export const statementCsvHeader = csvLine(['id', 'created_at', 'type', 'product', 'number', 'amount_inr', 'balance_after_inr', 'memo', 'reference', 'charge_id']);

export const statementCsvLine = (line: StatementLine) =>
  csvLine([line.id, line.createdAt, line.kind, line.product, line.objectId, paiseToDecimal(line.amount), paiseToDecimal(line.balanceAfter), line.memo, line.reference, line.chargeId]);

/**
 * Every line of a client's statement under these filters, a page at a time (the export streams them). The first
 * page is read before anything is sent, so an unknown or another partner's client is a 404, not a broken 200.
 */
export async function clientStatementForExport(ctx: PartnerCtx, clientId: string, filters: StatementFilters) {
  const first = await clientStatement(ctx, clientId, { ...filters, limit: 100 });
  return (async function* pages() {
    for (let page = first; ; ) {
      if (page.data.length) yield page.data;
      if (!page.has_more) return;
      page = await clientStatement(ctx, clientId, { ...filters, limit: 100, starting_after: page.data.at(-1)!.id });
    }
  })();
}
