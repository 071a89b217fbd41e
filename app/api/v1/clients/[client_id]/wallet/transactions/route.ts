import { listClientTransactionsOperation } from '@/lib/api/operations/billing';
import { toTransactionResource } from '@/lib/api/operations/billing-resources';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { clientStatement } from '@/lib/ledger/statements';

// GET /api/v1/clients/:client_id/wallet/transactions – a client's statement
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(listClientTransactionsOperation, async ({ ctx, params, query }) => {
    const { type, from, to, number, ...page } = query;
    const result = await clientStatement(ctx, params.client_id, { ...page, kind: type, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined, objectId: number });
    return { object: 'list', data: result.data.map(toTransactionResource), has_more: result.has_more };
  }),
});
