'use client';

import { useActionFormState } from './action-form';
import { SecretBox } from './secret-box';

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
  const data = (state.status === 'success' ? state.data : undefined) as Secret | undefined;
  if (!data || (!data.temporaryPassword && !data.invitePath && !data.inviteUrl && !data.secret)) return null;
  const label = data.temporaryPassword ? 'Temporary password' : data.secret ? (data.label ?? 'Secret') : 'Invitation link';
  const value = data.temporaryPassword ?? data.secret ?? data.inviteUrl ?? `${window.location.origin}${data.invitePath}`;
  return (
    <SecretBox
      message={state.message}
      label={
        <>
          {label}
          {data.email ? (
            <>
              {' '}
              for <strong>{data.email}</strong>
            </>
          ) : null}
        </>
      }
      value={value}
      note={
        data.loginUrl ? (
          <>
            They sign in at <a className="underline" href={data.loginUrl}>{data.loginUrl}</a>
          </>
        ) : null
      }
    />
  );
}
