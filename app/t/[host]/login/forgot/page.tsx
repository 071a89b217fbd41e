import type { Metadata } from 'next';
import { ForgotPasswordForm } from '@/components/auth/forgot-password-form';
import { BrandMark } from '@/components/brand/brand-mark';
import { currentTenant } from '@/lib/auth/session';
import { forgotPasswordAction } from './actions';

export const metadata: Metadata = { title: 'Forgot password' };

export default async function ForgotPasswordPage() {
  const tenant = await currentTenant();
  if (!tenant) return null; // the layout has already answered 404
  return (
    <main className="grid min-h-dvh place-items-center bg-brand-secondary/5 p-4">
      <div className="w-full max-w-sm space-y-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <div className="flex flex-col items-center gap-2 text-center">
          <BrandMark brand={tenant.brand} size="lg" />
          <h1 className="text-lg font-semibold">Forgot your {tenant.brand.productName} password?</h1>
          <p className="text-sm text-slate-600">Enter the e-mail address you sign in with, and we will send you a link to choose a new password.</p>
        </div>
        <ForgotPasswordForm action={forgotPasswordAction} />
        <p className="text-center text-sm">
          <a className="text-brand underline" href="/login">
            Back to sign in
          </a>
        </p>
      </div>
    </main>
  );
}
