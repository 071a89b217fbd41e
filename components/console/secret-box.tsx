'use client';

import Link from 'next/link';
import { useActionState, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { ConfirmDialog, type ConfirmDialogProps } from '@/components/ui/dialog';
import { ToastOnChange } from '@/components/ui/toast-on-change';
import { idleState, type FormState } from '@/lib/actions/form-state';
import { useActionFormState } from './action-form';

/** What an action returns when it hands out a secret. */
export type SecretData = {
  secret: string;
  label: string;
  note?: string;
  link?: { href: string; label: string };
  /** False for a secret that is kept and can be revealed again (a webhook's): the box then does not say "not shown again". */
  once?: boolean;
};

function isSecretData(data: unknown): data is SecretData {
  return typeof data === 'object' && data !== null && typeof (data as SecretData).secret === 'string';
}

/** A secret with a copy button. `once`: it will not be shown again, and the box says so. */
export function SecretBox({
  message,
  label,
  value,
  note,
  link,
  once = true,
  testId = 'shown-once',
}: {
  message?: ReactNode;
  label: ReactNode;
  value: string;
  note?: ReactNode;
  link?: SecretData['link'];
  once?: boolean;
  testId?: string;
}) {
  // Which value was copied: a new secret in the same box starts uncopied.
  const [copiedValue, setCopiedValue] = useState<string | null>(null);
  return (
    <div className={cn('space-y-2 rounded-md border p-3 text-sm', once ? 'border-amber-300 bg-amber-50' : 'border-slate-200 bg-slate-50')} data-testid={testId}>
      <p>
        {message ? <>{message} </> : null}
        {label}
        {once ? ' — copy it now, it will not be shown again:' : ':'}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <code className="rounded bg-white px-2 py-1 font-mono break-all" data-testid={`${testId}-value`}>
          {value}
        </code>
        <Button
          size="sm"
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(value);
            setCopiedValue(value);
          }}
        >
          {copiedValue === value ? 'Copied' : 'Copy'}
        </Button>
      </div>
      {note ? <p className="text-slate-700">{note}</p> : null}
      {link ? (
        <p>
          <Link href={link.href} className="font-medium text-slate-900 underline">
            {link.label}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

/** Inside an ActionForm whose action returns SecretData: the secret it created, shown this once. */
export function ShownOnceSecret() {
  const state = useActionFormState();
  if (state.status !== 'success' || !isSecretData(state.data)) return null;
  return <SecretBox message={state.message} label={state.data.label} value={state.data.secret} note={state.data.note} link={state.data.link} once={state.data.once ?? true} />;
}

/** Inside an ActionForm whose action reveals a stored secret (it can be revealed again later). */
export function RevealedSecret() {
  const state = useActionFormState();
  if (state.status !== 'success' || !isSecretData(state.data)) return null;
  return <SecretBox label={state.data.label} value={state.data.secret} note={state.data.note} once={false} testId="revealed-secret" />;
}

type ConfirmProps = Omit<ConfirmDialogProps, 'action' | 'onConfirm'> & {
  action: (state: FormState<SecretData>, formData: FormData) => Promise<FormState<SecretData>>;
};

/** A confirmed action that hands out a new secret (a rotation): refusals are toasted, the secret is shown once. */
export function ConfirmActionShowingSecret({ action, ...dialog }: ConfirmProps) {
  const [state, formAction] = useActionState(action, idleState as FormState<SecretData>);
  return (
    <div className="space-y-3">
      <ToastOnChange message={state.status === 'error' ? state.message : undefined} kind="error" token={state.at} />
      <ConfirmDialog {...dialog} action={formAction} />
      {state.status === 'success' && isSecretData(state.data) ? <SecretBox message={state.message} label={state.data.label} value={state.data.secret} note={state.data.note} once={state.data.once ?? true} /> : null}
    </div>
  );
}
