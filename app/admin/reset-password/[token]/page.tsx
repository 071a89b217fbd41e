import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { ResetPasswordPanel } from '@/components/auth/reset-password-panel';
import { resetLinkIsOpen } from '@/lib/auth/password-reset';
import { resetOperatorPasswordAction } from './actions';

export const metadata: Metadata = { title: 'Choose a new password' };

export default async function OperatorResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const open = await resetLinkIsOpen((await headers()).get('host'), token);
  return <ResetPasswordPanel open={open} token={token} forgotHref="/admin/login/forgot" action={resetOperatorPasswordAction} />;
}
