'use server';

import { revalidatePath } from 'next/cache';
import { consoleAction } from '@/lib/actions/context-actions';
import { fieldsOf } from '@/lib/actions/form-action';
import { invalid } from '@/lib/errors/app-error';
import { recordingLimits } from '@/lib/recordings/limits';
import { deleteRecording, uploadRecording } from '@/lib/recordings/manage-recordings';

const path = '/agents/recordings';

export const uploadRecordingAction = consoleAction(async ({ dataCtx }, formData) => {
  const fields = fieldsOf(formData);
  const file = formData.get('file');
  if (!(file instanceof File) || file.size === 0) throw invalid('file', 'Choose a WAV or MP3 file.');
  if (file.size > recordingLimits.maxBytes) throw invalid('file', `The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${recordingLimits.maxBytes / 1024 / 1024} MB.`);
  const recording = await uploadRecording(dataCtx, fields.clientId ?? '', { name: fields.name, content: Buffer.from(await file.arrayBuffer()) });
  revalidatePath(path);
  return { message: `${recording.name} uploaded (${(recording.durationMs / 1000).toFixed(1)} s).` };
});

export const deleteRecordingAction = consoleAction(async ({ dataCtx }, formData) => {
  await deleteRecording(dataCtx, fieldsOf(formData).recordingId ?? '');
  revalidatePath(path);
  return { message: 'Recording deleted.' };
});
