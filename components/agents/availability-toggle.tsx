'use client';

import { useActionState } from 'react';
import { cn } from '@/components/ui/cn';
import { ToastOnChange } from '@/components/ui/toast-on-change';
import { idleState, type FormState } from '@/lib/actions/form-state';
import { availabilityLabel, type AvailabilityState } from './availability';

const choices = ['available', 'break', 'offline'] as const;

type Props = {
  agentId: string;
  agentName: string;
  availability: AvailabilityState;
  queued: (typeof choices)[number] | null;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
};

/**
 * Available / Break / Offline for one agent. During a call the choice is queued by the server and applied when
 * the call ends; the pressed button shows the current (or queued) choice.
 */
export function AvailabilityToggle({ agentId, agentName, availability, queued, action }: Props) {
  const [state, formAction, pending] = useActionState(action, idleState);
  const chosen = queued ?? ((choices as readonly string[]).includes(availability) ? availability : null);
  return (
    <form action={formAction} className="inline-flex flex-col gap-1">
      <input type="hidden" name="agentId" value={agentId} />
      <ToastOnChange message={state.message} kind={state.status === 'error' ? 'error' : 'success'} token={state.at} />
      <div role="group" aria-label={`Availability of ${agentName}`} className="inline-flex overflow-hidden rounded-md border border-slate-300">
        {choices.map((choice) => (
          <button
            key={choice}
            type="submit"
            name="availability"
            value={choice}
            disabled={pending}
            aria-pressed={chosen === choice}
            className={cn('px-2 py-1 text-xs font-medium focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-brand-focus', chosen === choice ? 'bg-slate-900 text-white' : 'bg-white text-slate-700 hover:bg-slate-50', choice !== 'available' && 'border-l border-slate-300')}
          >
            {choice === 'break' ? 'Break' : availabilityLabel[choice]}
          </button>
        ))}
      </div>
    </form>
  );
}
