import { createMaskingSessionOperation, listMaskingSessionsOperation, toMaskingSessionResource } from '@/lib/api/operations/masking';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { createMaskingSession, listMaskingSessions } from '@/lib/masking/sessions';

// GET /api/v1/masking_sessions – list sessions; POST – create one
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(listMaskingSessionsOperation, async ({ ctx, query }) => {
    const { created_gte, created_lte, ...rest } = query;
    const page = await listMaskingSessions(ctx, { ...rest, created_gte: created_gte ? new Date(created_gte) : undefined, created_lte: created_lte ? new Date(created_lte) : undefined });
    return { object: 'list', data: page.data.map(toMaskingSessionResource), has_more: page.has_more };
  }),
  POST: apiRoute(createMaskingSessionOperation, async ({ ctx, body }) => {
    const created = await createMaskingSession(ctx, body);
    return { ...toMaskingSessionResource(created.session), callback_secret: created.callbackSecret };
  }),
});
