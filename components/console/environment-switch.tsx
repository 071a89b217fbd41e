'use client';

import { usePathname } from 'next/navigation';
import { useFormStatus } from 'react-dom';
import { cn } from '@/components/ui/cn';
import { toast } from '@/components/ui/toast';
import { idleState, type FormState } from '@/lib/actions/form-state';

type Props = {
  environment: 'live' | 'test';
  action: (state: FormState, formData: FormData) => Promise<FormState>;
};

/**
 * The Live/Test switch in the console header. After the switch the whole page is loaded again in the new
 * environment. The navigation is started from the call itself, not from rendered state: the refresh that follows
 * a cookie change may already have replaced this page (an endpoint that does not exist in the other mode is a 404).
 */
export function EnvironmentSwitch({ environment, action }: Props) {
  const pathname = usePathname();
  const test = environment === 'test';
  async function switchEnvironment(formData: FormData) {
    const state = await action(idleState, formData);
    if (state.status === 'error') toast.error(state.message ?? 'Could not switch.');
    else window.location.assign(state.redirectTo ?? pathname);
  }
  return (
    <form action={switchEnvironment} className="flex items-center">
      <input type="hidden" name="environment" value={test ? 'live' : 'test'} />
      <input type="hidden" name="path" value={pathname} />
      <SwitchButton on={test} />
    </form>
  );
}

function SwitchButton({ on }: { on: boolean }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      role="switch"
      aria-checked={on}
      disabled={pending}
      aria-busy={pending || undefined}
      className="inline-flex items-center gap-2 rounded-md px-2 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-60"
    >
      <span
        aria-hidden="true"
        className={cn('relative inline-flex h-5 w-9 shrink-0 items-center rounded-full transition-colors', on ? 'bg-amber-500' : 'bg-slate-300')}
      >
        <span className={cn('inline-block size-4 rounded-full bg-white shadow transition-transform', on ? 'translate-x-4.5' : 'translate-x-0.5')} />
      </span>
      Test mode
    </button>
  );
}
