import { linkWhatsappNumberOperation, listWhatsappNumbersOperation, toWhatsappNumberResource } from '@/lib/api/operations/whatsapp';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { linkWhatsappNumber } from '@/lib/whatsapp/manage-numbers';
import { listNumbersWithSchedules, numberWithSchedule } from '@/lib/whatsapp/read-numbers';

// GET /api/v1/whatsapp/numbers – list linked numbers; POST – link one (verified with Meta)
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(listWhatsappNumbersOperation, async ({ ctx, query }) => {
    const page = await listNumbersWithSchedules(ctx, query);
    return { object: 'list', data: page.data.map((item) => toWhatsappNumberResource(item.number, item.scheduleStatus)), has_more: page.has_more };
  }),
  POST: apiRoute(linkWhatsappNumberOperation, async ({ ctx, body }) => {
    const item = await numberWithSchedule(ctx, await linkWhatsappNumber(ctx, body));
    return toWhatsappNumberResource(item.number, item.scheduleStatus);
  }),
});
