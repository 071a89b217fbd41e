import type { ComponentProps } from 'react';
import type { Tenant } from '@/lib/tenancy/resolve-host';
import { AuthPanel, AuthPanelLink } from './auth-panel';
import { ForgotPasswordForm } from './forgot-password-form';

/** "Forgot your password?" for operators (no brand) and for a partner's users (its brand). */
export function ForgotPasswordPanel({ brand, productName, signInHref, action }: { brand?: Tenant['brand']; productName: string; signInHref: string; action: ComponentProps<typeof ForgotPasswordForm>['action'] }) {
  return (
    <AuthPanel brand={brand} title={`Forgot your ${productName} password?`} description="Enter the e-mail address you sign in with, and we will send you a link to choose a new password.">
      <ForgotPasswordForm action={action} />
      <AuthPanelLink brand={brand} href={signInHref}>
        Back to sign in
      </AuthPanelLink>
    </AuthPanel>
  );
}
