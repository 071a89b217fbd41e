'use client';

import { useEffect, useState } from 'react';
import { ActionForm, ActionTextField, useActionFormState } from '@/components/console/action-form';
import { Button } from '@/components/ui/button';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormState } from '@/lib/actions/form-state';
import { ConnectionBadge } from './connection-badge';

type State = {
  channel: { id: string; status: string; connection: string; connection_reason: string | null; phone: string | null };
  qr: { index: number; expires_at: string; image_png: string } | null;
  error: string | null;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each form's action returns its own data
type Action = (state: FormState<any>, formData: FormData) => Promise<FormState<any>>;

/** Seconds until `at`, ticking each second while a QR code is shown (a countdown, not a poll). */
function useSecondsLeft(at: string | null) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!at) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [at]);
  return at ? Math.max(0, Math.ceil((new Date(at).getTime() - now) / 1000)) : null;
}

/**
 * The phone's connection, live: the server streams the state and each new QR code as the gateway rotates it
 * (server-sent events), so the page follows without reloading; a failed login offers to start again.
 */
export function LiveConnect({ streamUrl, initial, pairingAction, simulateAction, hiddenFields = {} }: { streamUrl: string; initial: State['channel']; pairingAction: Action; simulateAction: Action | null; hiddenFields?: Record<string, string> }) {
  const [state, setState] = useState<State>({ channel: initial, qr: null, error: null });
  const [attempt, setAttempt] = useState(0);
  const [live, setLive] = useState(false);
  useEffect(() => {
    // A new attempt asks the server to start a fresh login (new QR codes).
    const source = new EventSource(attempt ? `${streamUrl}?start=again` : streamUrl);
    source.addEventListener('open', () => setLive(true));
    source.addEventListener('state', (event) => setState(JSON.parse((event as MessageEvent<string>).data) as State));
    source.addEventListener('error', () => setLive(false));
    return () => source.close();
  }, [streamUrl, attempt]);
  const secondsLeft = useSecondsLeft(state.qr?.expires_at ?? null);
  const { connection, connection_reason: reason, phone, status } = state.channel;
  const hidden = Object.entries(hiddenFields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);

  if (status !== 'active') return <p className="text-sm text-slate-600">This channel is {status}: it cannot be connected now.</p>;

  return (
    <div className="space-y-4" data-testid="live-connect" data-live={live ? 'yes' : 'no'}>
      <div className="flex flex-wrap items-center gap-2">
        <ConnectionBadge connection={connection} />
        {connection === 'connected' && phone ? <span className="text-sm text-slate-700">as {phone}</span> : null}
      </div>
      {reason && (connection === 'failed' || connection === 'logged_out') ? (
        <p className="text-sm text-slate-700" data-testid="connection-reason">
          {reason}
        </p>
      ) : null}
      {state.error ? <p className="text-sm text-red-700">{state.error}</p> : null}

      {state.qr && connection !== 'connected' ? (
        <figure className="flex flex-col items-center gap-2">
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL the server drew; nothing to optimise */}
          <img src={state.qr.image_png} alt="QR code to scan with WhatsApp on the phone" width={264} height={264} data-testid="qr-image" data-qr-index={state.qr.index} className="rounded border border-slate-200" />
          <figcaption className="text-center text-sm text-slate-600">
            Code {state.qr.index + 1} of 6 · a new one in <span data-testid="qr-seconds">{secondsLeft}</span> s
            <br />
            On the phone: WhatsApp → Settings → Linked devices → Link a device, then scan.
          </figcaption>
        </figure>
      ) : null}

      {connection === 'failed' || connection === 'logged_out' ? (
        <Button onClick={() => setAttempt((n) => n + 1)} data-testid="start-again">
          Start again
        </Button>
      ) : null}

      {connection !== 'connected' ? (
        <details className="rounded border border-slate-200 p-3">
          <summary className="cursor-pointer text-sm font-medium">Use a pairing code instead</summary>
          <ActionForm action={pairingAction} className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end" toastSuccess={false}>
            {hidden}
            <ActionTextField label="Phone number" name="phone" inputMode="tel" autoComplete="tel" required hint="With the country code, such as +91 98765 43210." />
            <SubmitButton>Get a code</SubmitButton>
            <PairingCode />
          </ActionForm>
        </details>
      ) : null}

      {simulateAction && connection !== 'connected' ? (
        <ActionForm action={simulateAction} className="flex items-center gap-3">
          {hidden}
          <SubmitButton variant="secondary">Simulate a scan</SubmitButton>
          <span className="text-xs text-slate-500">Test channels only: stands in for the phone.</span>
        </ActionForm>
      ) : null}
    </div>
  );
}

/** The code the last submission got, beside the form that asked for it. */
function PairingCode() {
  const state = useActionFormState() as FormState<{ code?: string }>;
  const code = state.status === 'success' ? state.data?.code : undefined;
  if (!code) return null;
  return (
    <p className="text-sm" role="status">
      Type <strong data-testid="pairing-code" className="font-mono text-lg tracking-widest">{code}</strong> on the phone: WhatsApp → Linked devices → Link with phone number.
    </p>
  );
}
