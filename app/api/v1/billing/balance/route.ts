import { getPartnerBalanceOperation } from '@/lib/api/operations/billing';
import { toPartnerBalanceResource } from '@/lib/api/operations/billing-resources';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { partnerBalances } from '@/lib/ledger/statements';

// GET /api/v1/billing/balance – the partner's balances
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getPartnerBalanceOperation, async ({ ctx }) => toPartnerBalanceResource(await partnerBalances(ctx))),
});
