import type { Metadata } from 'next';
import { ActionForm, ActionSelectField, ActionTextField } from '@/components/console/action-form';
import { ConfirmAction } from '@/components/console/confirm-action';
import { Time } from '@/components/console/time';
import { Card } from '@/components/ui/card';
import { SubmitButton } from '@/components/ui/submit-button';
import { clientChoices } from '@/lib/agents/form-choices';
import { requireConsoleSession } from '@/lib/auth/session';
import { recordingLimits } from '@/lib/recordings/limits';
import { listRecordings } from '@/lib/recordings/manage-recordings';
import { deleteRecordingAction, uploadRecordingAction } from './actions';

export const metadata: Metadata = { title: 'Recordings' };

export default async function RecordingsPage() {
  const { dataCtx, user, environment } = await requireConsoleSession();
  const [recordings, clients] = await Promise.all([listRecordings(dataCtx), clientChoices(dataCtx)]);
  const clientNames = new Map(clients.map((client) => [client.id, client.name]));
  const canManage = user.role !== 'member';
  return (
    <div className="space-y-6">
      <Card title="Recordings" description="Welcome messages and prompts for your clients’ calls.">
        {recordings.data.length === 0 ? (
          <p className="text-sm text-slate-600">No recordings yet{environment === 'test' ? ' in test mode' : ''}.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {recordings.data.map((recording) => (
              <li key={recording.id} className="flex flex-wrap items-center gap-4 py-3 text-sm">
                <div className="min-w-48 flex-1">
                  <p className="font-medium text-slate-900">{recording.name}</p>
                  <p className="text-xs text-slate-600">
                    {clientNames.get(recording.clientId) ?? '—'} · {recording.format.toUpperCase()} · {(recording.durationMs / 1000).toFixed(1)} s · {Math.ceil(recording.sizeBytes / 1024)} KB · <Time value={recording.createdAt} />
                  </p>
                </div>
                <audio controls preload="none" src={`/agents/recordings/${recording.id}/audio`} aria-label={`Play ${recording.name}`} />
                {canManage ? <ConfirmAction action={deleteRecordingAction} fields={{ recordingId: recording.id }} triggerLabel="Delete" triggerVariant="ghost" triggerSize="sm" tone="danger" title={`Delete ${recording.name}?`} confirmLabel="Delete" /> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {canManage && clients.length ? (
        <Card title="Upload a recording" description={`WAV or MP3, up to ${recordingLimits.maxBytes / 1024 / 1024} MB and ${recordingLimits.maxDurationSeconds / 60} minutes. The file is read as audio: anything else is refused.`}>
          <ActionForm action={uploadRecordingAction} className="grid gap-4 sm:grid-cols-2">
            <ActionSelectField label="Client" name="clientId" required options={clients.map((client) => ({ value: client.id, label: client.name }))} />
            <ActionTextField label="Name" name="name" required autoComplete="off" maxLength={100} placeholder="Welcome" />
            <ActionTextField label="File" name="file" type="file" required accept="audio/wav,audio/x-wav,audio/mpeg,.wav,.mp3" />
            <div className="col-span-full">
              <SubmitButton pendingLabel="Uploading…">Upload</SubmitButton>
            </div>
          </ActionForm>
        </Card>
      ) : null}
    </div>
  );
}
