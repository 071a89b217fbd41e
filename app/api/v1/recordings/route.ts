import { listRecordingsOperation, toRecordingResource } from '@/lib/api/operations/recordings';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { listRecordings } from '@/lib/recordings/manage-recordings';

// GET /api/v1/recordings – list recordings
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(listRecordingsOperation, async ({ ctx, query }) => {
    const { client_id, ...rest } = query;
    const page = await listRecordings(ctx, { ...rest, clientId: client_id });
    return { object: 'list', data: page.data.map(toRecordingResource), has_more: page.has_more };
  }),
});
