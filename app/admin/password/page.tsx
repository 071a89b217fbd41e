import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { NewPasswordForm } from '@/components/auth/new-password-form';
import { getOperatorSession } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { changeOperatorPasswordAction } from './actions';

export const metadata: Metadata = { title: 'Choose a password' };

/** An operator's own password; the only page open to an operator signed in with a temporary one. */
export default async function OperatorPasswordPage() {
  const operator = await getOperatorSession();
  if (!operator) redirect('/admin/login');
  return (
    <main className="grid min-h-dvh place-items-center p-4">
      <div className="w-full max-w-sm space-y-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <div className="space-y-2 text-center">
          <h1 className="text-lg font-semibold">{operator.mustChangePassword ? 'Choose your own password' : 'Change your password'}</h1>
          <p className="text-sm text-slate-600">
            {operator.mustChangePassword
              ? `You signed in to the ${getConfig().PLATFORM_NAME} operator console with a temporary password. Choose one only you know to continue.`
              : `For ${operator.user.email}. Your other sessions end when you save it.`}
          </p>
        </div>
        <NewPasswordForm action={changeOperatorPasswordAction} />
      </div>
    </main>
  );
}
