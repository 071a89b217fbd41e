import type { Metadata } from 'next';
import { AccountSecurityCard } from '@/components/auth/account-security-card';
import { PageHeader } from '@/components/ui/page-header';
import { requireOperatorSession } from '@/lib/auth/session';
import { operatorSignOutEverywhereAction } from '../actions';

export const metadata: Metadata = { title: 'Your account' };

export default async function OperatorAccountPage() {
  const { user } = await requireOperatorSession();
  return (
    <>
      <PageHeader title="Your account" description={user.name} />
      <AccountSecurityCard email={user.email} passwordHref="/admin/password" signOutEverywhere={operatorSignOutEverywhereAction} />
    </>
  );
}
