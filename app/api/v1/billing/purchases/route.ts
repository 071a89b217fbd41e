import { buyUnitsOperation } from '@/lib/api/operations/billing';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { buyUnits } from '@/lib/ledger/units';

// POST /api/v1/billing/purchases – buy days or points at wholesale
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(buyUnitsOperation, async ({ ctx, body, request }) => {
    const bought = await buyUnits(ctx, { ...body, idempotencyKey: request.headers.get('idempotency-key') ?? undefined });
    return { object: 'purchase', unit: bought.unit, quantity: bought.quantity, cost: Number(bought.cost), pool: Number(bought.pool ?? 0n) };
  }),
});
