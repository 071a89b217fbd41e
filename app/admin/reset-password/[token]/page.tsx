import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { NewPasswordForm } from '@/components/auth/new-password-form';
import { resetLinkIsOpen } from '@/lib/auth/password-reset';
import { resetOperatorPasswordAction } from './actions';

export const metadata: Metadata = { title: 'Choose a new password' };

export default async function OperatorResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const open = await resetLinkIsOpen((await headers()).get('host'), token);
  return (
    <main className="grid min-h-dvh place-items-center p-4">
      <div className="w-full max-w-sm space-y-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <div className="space-y-2 text-center">
          <h1 className="text-lg font-semibold">{open ? 'Choose a new password' : 'This link no longer works'}</h1>
          <p className="text-sm text-slate-600">{open ? 'Saving it signs you out everywhere; then sign in with the new password.' : 'Reset links work once and expire after 30 minutes.'}</p>
        </div>
        {open ? (
          <NewPasswordForm action={resetOperatorPasswordAction}>
            <input type="hidden" name="token" value={token} />
          </NewPasswordForm>
        ) : (
          <p className="text-center text-sm">
            <a className="underline" href="/admin/login/forgot">
              Ask for a new link
            </a>
          </p>
        )}
      </div>
    </main>
  );
}
