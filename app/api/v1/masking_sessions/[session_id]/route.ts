import { cancelMaskingSessionOperation, getMaskingSessionOperation, toMaskingSessionResource, updateMaskingSessionOperation } from '@/lib/api/operations/masking';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { cancelMaskingSession, getMaskingSession, updateMaskingSession } from '@/lib/masking/sessions';

// GET/PATCH/DELETE /api/v1/masking_sessions/:session_id – read, change, end a session
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getMaskingSessionOperation, async ({ ctx, params }) => toMaskingSessionResource(await getMaskingSession(ctx, params.session_id))),
  PATCH: apiRoute(updateMaskingSessionOperation, async ({ ctx, params, body }) => toMaskingSessionResource(await updateMaskingSession(ctx, params.session_id, body))),
  DELETE: apiRoute(cancelMaskingSessionOperation, async ({ ctx, params }) => toMaskingSessionResource(await cancelMaskingSession(ctx, params.session_id))),
});
