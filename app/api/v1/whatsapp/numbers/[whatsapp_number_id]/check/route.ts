import { checkWhatsappNumberOperation, toWhatsappNumberResource } from '@/lib/api/operations/whatsapp';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { checkWhatsappNumber } from '@/lib/whatsapp/check-numbers';
import { numberWithSchedule } from '@/lib/whatsapp/read-numbers';

// POST /api/v1/whatsapp/numbers/:id/check – check the number with Meta now
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(checkWhatsappNumberOperation, async ({ ctx, params }) => {
    const item = await numberWithSchedule(ctx, await checkWhatsappNumber(ctx, params.whatsapp_number_id));
    return toWhatsappNumberResource(item.number, item.scheduleStatus);
  }),
});
