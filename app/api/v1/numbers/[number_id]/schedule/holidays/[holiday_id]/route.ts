import { deleteNumberHolidayOperation, toHolidayResource } from '@/lib/api/operations/numbers';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { deleteNumberHoliday } from '@/lib/numbers/number-schedule';

// DELETE /api/v1/numbers/:number_id/schedule/holidays/:holiday_id
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  DELETE: apiRoute(deleteNumberHolidayOperation, async ({ ctx, params }) => toHolidayResource(await deleteNumberHoliday(ctx, params.holiday_id, params.number_id))),
});
