'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { useActionFormState } from './action-form';

type Secret = {
  email?: string;
  temporaryPassword?: string;
  invitePath?: string;
  inviteUrl?: string;
  loginUrl?: string;
  /** Any other secret (an API key), with what to call it. */
  secret?: string;
  label?: string;
};

/**
 * After an ActionForm creates an account or a credential: the password, invitation link or secret, shown this
 * once (it is not stored in a readable form anywhere), with a copy button.
 */
export function ShownOnce() {
  const state = useActionFormState();
  const [copied, setCopied] = useState(false);
  const data = (state.status === 'success' ? state.data : undefined) as Secret | undefined;
  if (!data || (!data.temporaryPassword && !data.invitePath && !data.inviteUrl && !data.secret)) return null;
  const label = data.temporaryPassword ? 'Temporary password' : data.secret ? (data.label ?? 'Secret') : 'Invitation link';
  const value = data.temporaryPassword ?? data.secret ?? data.inviteUrl ?? `${window.location.origin}${data.invitePath}`;
  return (
    <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="shown-once">
      <p>
        {state.message} {label}
        {data.email ? (
          <>
            {' '}
            for <strong>{data.email}</strong>
          </>
        ) : null}{' '}
        — copy it now, it will not be shown again:
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <code className="rounded bg-white px-2 py-1 break-all" data-testid="shown-once-value">
          {value}
        </code>
        <Button
          size="sm"
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(value);
            setCopied(true);
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </div>
      {data.loginUrl ? (
        <p>
          They sign in at <a className="underline" href={data.loginUrl}>{data.loginUrl}</a>
        </p>
      ) : null}
    </div>
  );
}
