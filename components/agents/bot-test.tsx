'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { idleState, type FormState } from '@/lib/actions/form-state';

type Report = { ok: boolean; handshakeMs: number | null; firstMessage: string | null; firstMessageMs: number | null; closeCode: number | null; closeReason: string | null; error: string | null };

/** "Test connection": the server really opens the bot's WebSocket; this shows its report in words. */
export function BotTest({ botId, action }: { botId: string; action: (state: FormState<Report>, formData: FormData) => Promise<FormState<Report>> }) {
  const [state, formAction, pending] = useActionState(action, idleState as FormState<Report>);
  const report = state.data;
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="botId" value={botId} />
      <Button type="submit" variant="secondary" size="sm" pending={pending}>
        {pending ? 'Testing…' : 'Test connection'}
      </Button>
      <div aria-live="polite" className="text-sm">
        {state.status === 'error' ? <p className="text-red-700">{state.message}</p> : null}
        {report ? (
          <dl className={report.ok ? 'text-emerald-900' : 'text-red-800'}>
            <dt className="sr-only">Result</dt>
            <dd className="font-medium">{report.ok ? 'Connected: the bot answered.' : (report.error ?? 'The test failed.')}</dd>
            {report.handshakeMs !== null ? <dd>Handshake: {report.handshakeMs} ms</dd> : null}
            {report.firstMessage !== null ? (
              <dd>
                First message after {report.firstMessageMs} ms: <code className="break-all text-slate-800">{report.firstMessage}</code>
              </dd>
            ) : null}
            {report.closeCode !== null ? <dd>Closed with code {report.closeCode}{report.closeReason ? ` (${report.closeReason})` : ''}</dd> : null}
          </dl>
        ) : null}
      </div>
    </form>
  );
}
