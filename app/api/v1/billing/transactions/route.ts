import { listPartnerTransactionsOperation } from '@/lib/api/operations/billing';
import { toTransactionResource } from '@/lib/api/operations/billing-resources';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { partnerStatement } from '@/lib/ledger/statements';

// GET /api/v1/billing/transactions – the partner's statement
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(listPartnerTransactionsOperation, async ({ ctx, query }) => {
    const { unit, type, from, to, number, ...page } = query;
    const result = await partnerStatement(ctx, unit, { ...page, kind: type, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined, objectId: number });
    return { object: 'list', data: result.data.map(toTransactionResource), has_more: result.has_more };
  }),
});
