import { addNumberHolidayOperation, toHolidayResource } from '@/lib/api/operations/numbers';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { addNumberHoliday } from '@/lib/numbers/number-schedule';

// POST /api/v1/numbers/:number_id/schedule/holidays – a closed day or special hours
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(addNumberHolidayOperation, async ({ ctx, params, body }) => toHolidayResource(await addNumberHoliday(ctx, params.number_id, body))),
});
