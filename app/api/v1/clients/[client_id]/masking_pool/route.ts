import { getMaskingPoolOperation } from '@/lib/api/operations/masking';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { maskingPool } from '@/lib/masking/pool';

// GET /api/v1/clients/:client_id/masking_pool – the client's masking pool and the size it needs
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getMaskingPoolOperation, async ({ ctx, params }) => {
    const pool = await maskingPool(ctx, params.client_id);
    return { object: 'masking_pool', client_id: pool.clientId, size: pool.size, numbers_needed: pool.numbersNeeded, numbers: pool.numbers.map((n) => ({ id: n.id, number: n.e164, open_sessions: n.openSessions })) };
  }),
});
