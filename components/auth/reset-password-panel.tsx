import type { ComponentProps } from 'react';
import type { Tenant } from '@/lib/tenancy/resolve-host';
import { AuthPanel, AuthPanelLink } from './auth-panel';
import { NewPasswordForm } from './new-password-form';

/** The page a reset link opens: the new-password form while the link works, else a way to ask for another. */
export function ResetPasswordPanel({ brand, open, token, forgotHref, action }: { brand?: Tenant['brand']; open: boolean; token: string; forgotHref: string; action: ComponentProps<typeof NewPasswordForm>['action'] }) {
  return (
    <AuthPanel
      brand={brand}
      title={open ? 'Choose a new password' : 'This link no longer works'}
      description={open ? 'Saving it signs you out everywhere; then sign in with the new password.' : 'Reset links work once and expire after 30 minutes.'}
    >
      {open ? (
        <NewPasswordForm action={action}>
          <input type="hidden" name="token" value={token} />
        </NewPasswordForm>
      ) : (
        <AuthPanelLink brand={brand} href={forgotHref}>
          Ask for a new link
        </AuthPanelLink>
      )}
    </AuthPanel>
  );
}
