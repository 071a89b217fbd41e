import { toScheduleResource } from '@/lib/api/operations/schedule-resources';
import { getWhatsappScheduleOperation, setWhatsappScheduleOperation } from '@/lib/api/operations/whatsapp';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { alwaysOpenWeek, defaultTimezone } from '@/lib/schedules/view';
import { getWhatsappSchedule, setWhatsappHours } from '@/lib/whatsapp/number-schedules';

const fallback = { timezone: defaultTimezone, weekly: alwaysOpenWeek() };

// GET /api/v1/whatsapp/numbers/:id/schedule – hours, holidays, open now; PUT – set the hours
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getWhatsappScheduleOperation, async ({ ctx, params }) => {
    const { schedule, status } = await getWhatsappSchedule(ctx, params.whatsapp_number_id);
    return toScheduleResource(schedule, status, fallback);
  }),
  PUT: apiRoute(setWhatsappScheduleOperation, async ({ ctx, params, body }) => {
    await setWhatsappHours(ctx, params.whatsapp_number_id, body);
    const { schedule, status } = await getWhatsappSchedule(ctx, params.whatsapp_number_id);
    return toScheduleResource(schedule, status, fallback);
  }),
});
