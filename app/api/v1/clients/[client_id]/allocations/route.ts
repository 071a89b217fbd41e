import { allocateUnitsOperation } from '@/lib/api/operations/billing';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { allocateUnits } from '@/lib/ledger/units';

// POST /api/v1/clients/:client_id/allocations – allocate or reclaim days or points
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(allocateUnitsOperation, async ({ ctx, params, body, request }) => {
    const moved = await allocateUnits(ctx, { clientId: params.client_id, ...body, idempotencyKey: request.headers.get('idempotency-key') ?? undefined });
    return { object: 'allocation', unit: moved.unit, quantity: moved.quantity, pool: Number(moved.pool ?? 0n), client: Number(moved.client ?? 0n) };
  }),
});
