import type { Metadata } from 'next';
import { ForgotPasswordPanel } from '@/components/auth/forgot-password-panel';
import { getConfig } from '@/lib/config';
import { forgotPasswordAction } from './actions';

export const metadata: Metadata = { title: 'Forgot password' };

export default function OperatorForgotPasswordPage() {
  return <ForgotPasswordPanel productName={`${getConfig().PLATFORM_NAME} operator`} signInHref="/admin/login" action={forgotPasswordAction} />;
}
