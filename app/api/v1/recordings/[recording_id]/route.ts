import { deleteRecordingOperation, getRecordingOperation, toRecordingResource } from '@/lib/api/operations/recordings';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { deleteRecording, getRecording } from '@/lib/recordings/manage-recordings';

// GET/DELETE /api/v1/recordings/:recording_id
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getRecordingOperation, async ({ ctx, params }) => toRecordingResource(await getRecording(ctx, params.recording_id))),
  DELETE: apiRoute(deleteRecordingOperation, async ({ ctx, params }) => ({ object: 'recording', id: (await deleteRecording(ctx, params.recording_id)).id, deleted: true })),
});
