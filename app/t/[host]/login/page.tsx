import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { BrandMark } from '@/components/brand/brand-mark';
import { currentTenant, getClientMemberSession, getStaffSession } from '@/lib/auth/session';
import { signInAction } from './actions';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ welcome?: string; reset?: string }> }) {
  const { welcome, reset } = await searchParams;
  const tenant = await currentTenant();
  if (!tenant) return null; // the layout has already answered 404
  if (await getStaffSession(tenant)) redirect('/');
  if (await getClientMemberSession(tenant)) redirect('/account');
  return (
    <main className="grid min-h-dvh place-items-center bg-brand-secondary/5 p-4">
      <div className="w-full max-w-sm space-y-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <div className="flex flex-col items-center gap-2 text-center">
          <BrandMark brand={tenant.brand} size="lg" />
          <h1 className="text-lg font-semibold">Sign in to {tenant.brand.productName}</h1>
        </div>
        {welcome || reset ? <p className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">Your password is set. Sign in to continue.</p> : null}
        <LoginForm action={signInAction} />
        <p className="text-center text-sm">
          <a className="text-brand underline" href="/login/forgot">
            Forgot your password?
          </a>
        </p>
        {tenant.brand.supportEmail ? (
          <p className="text-center text-sm text-slate-600">
            Trouble signing in? <a className="text-brand-link underline" href={`mailto:${tenant.brand.supportEmail}`}>{tenant.brand.supportEmail}</a>
          </p>
        ) : null}
      </div>
    </main>
  );
}
