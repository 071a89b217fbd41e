import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { getOperatorSession } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { operatorSignInAction } from './actions';

export const metadata: Metadata = { title: 'Operator sign in' };

export default async function OperatorLoginPage({ searchParams }: { searchParams: Promise<{ reset?: string }> }) {
  const { reset } = await searchParams;
  if (await getOperatorSession()) redirect('/admin');
  return (
    <main className="grid min-h-dvh place-items-center p-4">
      <div className="w-full max-w-sm space-y-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-center text-lg font-semibold">{getConfig().PLATFORM_NAME} operator console</h1>
        {reset ? <p className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">Your password is set. Sign in to continue.</p> : null}
        <LoginForm action={operatorSignInAction} />
        <p className="text-center text-sm">
          <a className="underline" href="/admin/login/forgot">
            Forgot your password?
          </a>
        </p>
      </div>
    </main>
  );
}
