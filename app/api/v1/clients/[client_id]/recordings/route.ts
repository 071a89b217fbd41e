import { toRecordingResource, uploadRecordingOperation } from '@/lib/api/operations/recordings';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { uploadRecording } from '@/lib/recordings/manage-recordings';

// POST /api/v1/clients/:client_id/recordings – upload a WAV or MP3 (base64)
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(uploadRecordingOperation, async ({ ctx, params, body }) => toRecordingResource(await uploadRecording(ctx, params.client_id, { name: body.name, content: Buffer.from(body.content_base64, 'base64') }))),
});
