import { toHolidayResource } from '@/lib/api/operations/schedule-resources';
import { addWhatsappHolidayOperation } from '@/lib/api/operations/whatsapp';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { addWhatsappHoliday } from '@/lib/whatsapp/number-schedules';

// POST /api/v1/whatsapp/numbers/:id/holidays – add a holiday (closed, or special hours)
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(addWhatsappHolidayOperation, async ({ ctx, params, body }) => toHolidayResource(await addWhatsappHoliday(ctx, params.whatsapp_number_id, body))),
});
