import { toHolidayResource } from '@/lib/api/operations/schedule-resources';
import { deleteWhatsappHolidayOperation } from '@/lib/api/operations/whatsapp';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { deleteWhatsappHoliday } from '@/lib/whatsapp/number-schedules';

// DELETE /api/v1/whatsapp/numbers/:id/holidays/:holiday_id – delete a holiday
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  DELETE: apiRoute(deleteWhatsappHolidayOperation, async ({ ctx, params }) => toHolidayResource(await deleteWhatsappHoliday(ctx, params.whatsapp_number_id, params.holiday_id))),
});
