import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { BrandMark } from '@/components/brand/brand-mark';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { currentTenant, getClientMemberSession } from '@/lib/auth/session';
import { AccountSecurityCard } from '@/components/auth/account-security-card';
import { signOutAction, signOutEverywhereAction } from '../(console)/actions';

export const metadata: Metadata = { title: 'Your account' };

/** Where a client member lands after signing in on their partner's host. Later issues fill it with numbers and wallet. */
export default async function AccountPage() {
  const tenant = await currentTenant();
  const member = tenant ? await getClientMemberSession(tenant) : null;
  if (!tenant || !member) redirect('/login');
  if (member.mustChangePassword) redirect('/password');
  return (
    <main className="mx-auto max-w-2xl space-y-6 p-6">
      <header className="flex items-center justify-between">
        <BrandMark brand={tenant.brand} />
        <SignOutButton action={signOutAction} />
      </header>
      <h1 className="text-2xl font-semibold">Hello, {member.name}</h1>
      <p className="text-slate-600">You are signed in to {tenant.brand.productName} as {member.email}.</p>
      <AccountSecurityCard email={member.email} passwordHref="/password" signOutEverywhere={signOutEverywhereAction} />
    </main>
  );
}
