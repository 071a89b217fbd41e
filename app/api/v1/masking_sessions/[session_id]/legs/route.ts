import { listMaskingSessionLegsOperation, toCallRecordResource } from '@/lib/api/operations/masking';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { listSessionLegs } from '@/lib/calls/call-records';

// GET /api/v1/masking_sessions/:session_id/legs – a session's call legs
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(listMaskingSessionLegsOperation, async ({ ctx, params, query }) => {
    const page = await listSessionLegs(ctx, params.session_id, query);
    return { object: 'list', data: page.data.map(toCallRecordResource), has_more: page.has_more };
  }),
});
