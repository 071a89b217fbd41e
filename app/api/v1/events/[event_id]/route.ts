import { getEventOperation, toEventResource } from '@/lib/api/operations/events';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { getEvent } from '@/lib/events/list-events';

// GET /api/v1/events/:event_id – one event
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getEventOperation, async ({ ctx, params }) => toEventResource(await getEvent(ctx, params.event_id))),
});
