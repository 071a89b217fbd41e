import { addClientCreditsOperation } from '@/lib/api/operations/billing';
import { toWalletResource } from '@/lib/api/operations/billing-resources';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { addClientCredits } from '@/lib/ledger/client-credits';
import { clientWallet } from '@/lib/ledger/statements';

// POST /api/v1/clients/:client_id/wallet/credits – add credits and/or validity
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(addClientCreditsOperation, async ({ ctx, params, body, request }) => {
    await addClientCredits(ctx, { clientId: params.client_id, amount: body.amount, validTill: body.valid_till, memo: body.memo, idempotencyKey: request.headers.get('idempotency-key') ?? undefined });
    return toWalletResource(await clientWallet(ctx, params.client_id));
  }),
});
