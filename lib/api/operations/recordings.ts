import { z } from 'zod';
import { listParamsShape } from '@/lib/pagination/cursor';
import { recordingLimits } from '@/lib/recordings/limits';
import type { RecordingView } from '@/lib/recordings/manage-recordings';
import { recordingNameSchema } from '@/lib/recordings/manage-recordings';
import { defineOperation } from '../operation';
import { idOf, pageOf, timestamp } from '../schemas';
import { clientIdParams } from './clients';

export const recordingResource = z
  .object({
    object: z.literal('recording'),
    id: idOf('rcd', 'The recording’s id.'),
    client_id: idOf('cli', 'Its client.'),
    name: z.string(),
    format: z.enum(['wav', 'mp3']),
    duration_ms: z.number().int(),
    size_bytes: z.number().int(),
    sample_rate: z.number().int().nullable(),
    channels: z.number().int().nullable(),
    created_at: timestamp,
  })
  .meta({ id: 'Recording' });

const recordingExample = { object: 'recording', id: 'rcd_01kaz3d4mqf2v8n6w0c1e5rj7t', client_id: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t', name: 'Welcome', format: 'mp3', duration_ms: 6200, size_bytes: 99_840, sample_rate: 44_100, channels: 1, created_at: '2026-11-20T10:00:00.000Z' };

export function toRecordingResource(row: RecordingView) {
  return { object: 'recording' as const, id: row.id, client_id: row.clientId, name: row.name, format: row.format, duration_ms: row.durationMs, size_bytes: row.sizeBytes, sample_rate: row.sampleRate, channels: row.channels, created_at: row.createdAt };
}

const recordingIdParams = z.strictObject({ recording_id: idOf('rcd', 'The recording’s id.') });

export const uploadRecordingOperation = defineOperation({
  method: 'POST',
  path: '/clients/{client_id}/recordings',
  operationId: 'uploadRecording',
  summary: 'Upload a recording',
  description: `Uploads a WAV or MP3 (a welcome message, a prompt) as base64. The file is parsed as audio: anything else, over ${recordingLimits.maxBytes / 1024 / 1024} MB or longer than ${recordingLimits.maxDurationSeconds / 60} minutes is refused with a pointer to \`content_base64\`.`,
  tag: 'Recordings',
  scope: 'flows:write',
  params: clientIdParams,
  body: z.strictObject({ name: recordingNameSchema, content_base64: z.base64('Send the file as base64.').max(Math.ceil((recordingLimits.maxBytes * 4) / 3) + 4, 'The file is larger than 5 MB.') }),
  bodyExample: { name: 'Welcome', content_base64: 'UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YQAAAAA=' },
  maxBodyBytes: 7 * 1024 * 1024 + 4096,
  response: { status: 201, description: 'The recording.', schema: recordingResource, example: recordingExample },
  errors: ['not_found', 'payload_too_large'],
});

export const listRecordingsOperation = defineOperation({
  method: 'GET',
  path: '/recordings',
  operationId: 'listRecordings',
  summary: 'List recordings',
  description: 'The partner’s recordings, newest first, of one client when asked (without their audio).',
  tag: 'Recordings',
  scope: 'flows:read',
  query: z.strictObject({ ...listParamsShape, client_id: idOf('cli', 'Only this client’s recordings.').optional() }),
  response: { status: 200, description: 'A page of recordings.', schema: pageOf(recordingResource), example: { object: 'list', data: [recordingExample], has_more: false } },
});

export const getRecordingOperation = defineOperation({
  method: 'GET',
  path: '/recordings/{recording_id}',
  operationId: 'getRecording',
  summary: 'Get a recording',
  description: 'One recording’s details.',
  tag: 'Recordings',
  scope: 'flows:read',
  params: recordingIdParams,
  response: { status: 200, description: 'The recording.', schema: recordingResource, example: recordingExample },
  errors: ['not_found'],
});

export const deleteRecordingOperation = defineOperation({
  method: 'DELETE',
  path: '/recordings/{recording_id}',
  operationId: 'deleteRecording',
  summary: 'Delete a recording',
  description: 'Deletes the recording and its audio.',
  tag: 'Recordings',
  scope: 'flows:write',
  params: recordingIdParams,
  response: { status: 200, description: 'Deleted.', schema: z.object({ object: z.literal('recording'), id: z.string(), deleted: z.literal(true) }), example: { object: 'recording', id: recordingExample.id, deleted: true } },
  errors: ['not_found'],
});
