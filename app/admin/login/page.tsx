import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { getOperatorSession } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { operatorSignInAction } from './actions';

export const metadata: Metadata = { title: 'Operator sign in' };

export default async function OperatorLoginPage() {
  if (await getOperatorSession()) redirect('/admin');
  return (
    <main className="grid min-h-dvh place-items-center p-4">
      <div className="w-full max-w-sm space-y-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-center text-lg font-semibold">{getConfig().PLATFORM_NAME} operator console</h1>
        <LoginForm action={operatorSignInAction} />
      </div>
    </main>
  );
}
