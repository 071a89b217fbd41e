import { setNumberMaskingOperation } from '@/lib/api/operations/masking';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { setNumberMasking } from '@/lib/masking/pool-settings';

// PUT /api/v1/numbers/:number_id/masking – in or out of the client's masking pool
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  PUT: apiRoute(setNumberMaskingOperation, async ({ ctx, params, body }) => {
    const number = await setNumberMasking(ctx, params.number_id, body.masking);
    return { object: 'number_masking', number_id: number.id, number: number.e164, client_id: number.clientId, masking: number.masking };
  }),
});
