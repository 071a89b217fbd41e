import type { Metadata } from 'next';
import { ForgotPasswordPanel } from '@/components/auth/forgot-password-panel';
import { currentTenant } from '@/lib/auth/session';
import { forgotPasswordAction } from './actions';

export const metadata: Metadata = { title: 'Forgot password' };

export default async function ForgotPasswordPage() {
  const tenant = await currentTenant();
  if (!tenant) return null; // the layout has already answered 404
  return <ForgotPasswordPanel brand={tenant.brand} productName={tenant.brand.productName} signInHref="/login" action={forgotPasswordAction} />;
}
