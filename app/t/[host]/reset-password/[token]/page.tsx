import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { ResetPasswordPanel } from '@/components/auth/reset-password-panel';
import { resetLinkIsOpen } from '@/lib/auth/password-reset';
import { currentTenant } from '@/lib/auth/session';
import { resetPasswordAction } from './actions';

export const metadata: Metadata = { title: 'Choose a new password' };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const tenant = await currentTenant();
  if (!tenant) return null; // the layout has already answered 404
  const open = await resetLinkIsOpen((await headers()).get('host'), token);
  return <ResetPasswordPanel brand={tenant.brand} open={open} token={token} forgotHref="/login/forgot" action={resetPasswordAction} />;
}
