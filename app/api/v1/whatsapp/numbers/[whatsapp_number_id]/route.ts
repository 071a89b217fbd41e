import { getWhatsappNumberOperation, toWhatsappNumberResource, unlinkWhatsappNumberOperation } from '@/lib/api/operations/whatsapp';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { unlinkWhatsappNumber } from '@/lib/whatsapp/manage-numbers';
import { numberWithSchedule } from '@/lib/whatsapp/read-numbers';

// GET /api/v1/whatsapp/numbers/:id – one number; DELETE – unlink it
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getWhatsappNumberOperation, async ({ ctx, params }) => {
    const item = await numberWithSchedule(ctx, params.whatsapp_number_id);
    return toWhatsappNumberResource(item.number, item.scheduleStatus);
  }),
  DELETE: apiRoute(unlinkWhatsappNumberOperation, async ({ ctx, params }) => {
    const item = await numberWithSchedule(ctx, await unlinkWhatsappNumber(ctx, params.whatsapp_number_id));
    return toWhatsappNumberResource(item.number, item.scheduleStatus);
  }),
});
