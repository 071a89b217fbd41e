import { simulateChargeOperation } from '@/lib/api/operations/billing';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { simulateCharge } from '@/lib/ledger/sandbox-helpers';

// POST /api/v1/clients/:client_id/simulate_charge – charge a client (test mode only)
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(simulateChargeOperation, async ({ ctx, params, body, request }) => {
    const charge = await simulateCharge(ctx, { clientId: params.client_id, product: body.product, quantity: body.quantity, objectId: body.number, idempotencyKey: request.headers.get('idempotency-key') ?? undefined });
    const n = (v: bigint | null) => (v === null ? null : Number(v));
    return { object: 'charge', id: charge.chargeId, retail: Number(charge.retail), wholesale: Number(charge.wholesale), commission: Number(charge.commission), wallet_balance: n(charge.walletBalance), prepaid_balance: n(charge.prepaidBalance) };
  }),
});
