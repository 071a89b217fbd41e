import { getClientWalletOperation } from '@/lib/api/operations/billing';
import { toWalletResource } from '@/lib/api/operations/billing-resources';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { clientWallet } from '@/lib/ledger/statements';

// GET /api/v1/clients/:client_id/wallet – a client's wallet
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getClientWalletOperation, async ({ ctx, params }) => toWalletResource(await clientWallet(ctx, params.client_id))),
});
