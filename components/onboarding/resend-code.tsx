'use client';

import { useActionState, useEffect, useState } from 'react';
import { useSettleFieldError } from '@/components/console/action-form';
import { Button } from '@/components/ui/button';
import { idleState } from '@/lib/actions/form-state';
import type { StepAction } from './step-form';

type Props = {
  action: StepAction;
  hidden: Record<string, string>;
  channel: 'email' | 'mobile';
  /** When the code sent last may be replaced (ms since the epoch); the button counts down until then. */
  availableAt: number;
};

/** "Send a new code" for one channel, disabled with a countdown while the last code is under a minute old. */
export function ResendCode({ action, hidden, channel, availableAt }: Props) {
  const [state, dispatch, pending] = useActionState(action, idleState);
  const [until, setUntil] = useState(availableAt);
  const [now, setNow] = useState<number | null>(null);
  const [answered, setAnswered] = useState(state.at);
  const settle = useSettleFieldError();

  // Each answer restarts the countdown from what the server said (a fresh code, or the time still to wait),
  // timed like `availableAt` by the server's clock.
  if (state.at !== answered) {
    setAnswered(state.at);
    const seconds = waitSecondsOf(state.data);
    if (seconds && state.at) setUntil(state.at + seconds * 1000);
  }

  // A new code replaces the old one: an error about the old code ("Too many wrong codes") is no longer true.
  useEffect(() => {
    if (state.status === 'success') settle(`${channel}_otp`);
  }, [state, channel, settle]);

  useEffect(() => {
    const tick = () => setNow(Date.now());
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, []);

  const wait = now === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
  const what = channel === 'email' ? 'e-mail' : 'SMS';
  return (
    <form action={dispatch} className="flex flex-wrap items-center gap-x-3 gap-y-1">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="type" value={channel} />
      <Button type="submit" variant="secondary" size="sm" pending={pending} disabled={wait > 0}>
        {wait > 0 ? `New ${what} code in ${wait} s` : `Send a new ${what} code`}
      </Button>
      <p role="status" className={state.status === 'error' ? 'text-sm text-red-700' : 'text-sm text-slate-600'}>
        {state.message}
      </p>
    </form>
  );
}

function waitSecondsOf(data: unknown): number | undefined {
  const seconds = typeof data === 'object' && data && 'waitSeconds' in data ? data.waitSeconds : undefined;
  return typeof seconds === 'number' && seconds > 0 ? seconds : undefined;
}
