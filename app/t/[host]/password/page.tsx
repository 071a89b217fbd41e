import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { NewPasswordForm } from '@/components/auth/new-password-form';
import { BrandMark } from '@/components/brand/brand-mark';
import { currentTenant, getSignedInAccount } from '@/lib/auth/session';
import { changePasswordAction } from './actions';

export const metadata: Metadata = { title: 'Choose a password' };

/** A partner user's or client member's own password; the only page open to someone signed in with a temporary one. */
export default async function PasswordPage() {
  const tenant = await currentTenant();
  if (!tenant) return null; // the layout has already answered 404
  const account = await getSignedInAccount();
  if (!account) redirect('/login');
  return (
    <main className="grid min-h-dvh place-items-center bg-brand-secondary/5 p-4">
      <div className="w-full max-w-sm space-y-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <div className="flex flex-col items-center gap-2 text-center">
          <BrandMark brand={tenant.brand} size="lg" />
          <h1 className="text-lg font-semibold">{account.mustChangePassword ? 'Choose your own password' : 'Change your password'}</h1>
          <p className="text-sm text-slate-600">
            {account.mustChangePassword
              ? `You signed in to ${tenant.brand.productName} with a temporary password. Choose one only you know to continue.`
              : `For ${account.email}. Your other sessions end when you save it.`}
          </p>
        </div>
        <NewPasswordForm action={changePasswordAction} />
      </div>
    </main>
  );
}
