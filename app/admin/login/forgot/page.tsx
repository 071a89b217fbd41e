import type { Metadata } from 'next';
import { ForgotPasswordForm } from '@/components/auth/forgot-password-form';
import { getConfig } from '@/lib/config';
import { forgotPasswordAction } from './actions';

export const metadata: Metadata = { title: 'Forgot password' };

export default function OperatorForgotPasswordPage() {
  return (
    <main className="grid min-h-dvh place-items-center p-4">
      <div className="w-full max-w-sm space-y-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <div className="space-y-2 text-center">
          <h1 className="text-lg font-semibold">Forgot your {getConfig().PLATFORM_NAME} operator password?</h1>
          <p className="text-sm text-slate-600">Enter the e-mail address you sign in with, and we will send you a link to choose a new password.</p>
        </div>
        <ForgotPasswordForm action={forgotPasswordAction} />
        <p className="text-center text-sm">
          <a className="underline" href="/admin/login">
            Back to sign in
          </a>
        </p>
      </div>
    </main>
  );
}
