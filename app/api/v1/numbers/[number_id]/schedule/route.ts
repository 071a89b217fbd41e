import { getNumberScheduleOperation, setNumberScheduleOperation, toScheduleResource } from '@/lib/api/operations/numbers';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { getNumberSchedule, setNumberHoursAndShow } from '@/lib/numbers/number-schedule';

// GET / PUT /api/v1/numbers/:number_id/schedule – working hours and holidays
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getNumberScheduleOperation, async ({ ctx, params }) => {
    const { schedule, state } = await getNumberSchedule(ctx, params.number_id);
    return toScheduleResource(params.number_id, schedule, state);
  }),
  PUT: apiRoute(setNumberScheduleOperation, async ({ ctx, params, body }) => {
    const { schedule, state } = await setNumberHoursAndShow(ctx, params.number_id, body);
    return toScheduleResource(params.number_id, schedule, state);
  }),
});
