import { listClientNumbersOperation, toNumberResource } from '@/lib/api/operations/numbers';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { listNumbers } from '@/lib/numbers/client-numbers';

// GET /api/v1/clients/:client_id/numbers – a client's numbers
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(listClientNumbersOperation, async ({ ctx, params, query }) => {
    const page = await listNumbers(ctx, { clientId: params.client_id, ...query });
    return { object: 'list' as const, data: page.data.map(toNumberResource), has_more: page.has_more };
  }),
});
