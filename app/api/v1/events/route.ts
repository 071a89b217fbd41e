import { listEventsOperation, toEventResource } from '@/lib/api/operations/events';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { listEvents } from '@/lib/events/list-events';

// GET /api/v1/events – events of the last 30 days
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(listEventsOperation, async ({ ctx, query }) => {
    const page = await listEvents(ctx, query);
    return { object: 'list', data: page.data.map(toEventResource), has_more: page.has_more };
  }),
});
