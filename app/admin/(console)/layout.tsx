import Link from 'next/link';
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { Toaster } from '@/components/ui/toast';
import { requireOperatorSession } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { operatorSignOutAction } from './actions';

export function generateMetadata(): Metadata {
  const name = getConfig().PLATFORM_NAME;
  return { title: { default: `${name} operator console`, template: `%s · ${name} operator console` } };
}

export default async function OperatorConsoleLayout({ children }: { children: ReactNode }) {
  const { user } = await requireOperatorSession();
  return (
    <div className="min-h-dvh">
      <header className="border-b border-slate-200 bg-slate-900 text-white">
        {/* On a phone the account side wraps under the navigation rather than pushing the page wider. */}
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3 sm:px-8">
          <nav aria-label="Operator console" className="flex flex-wrap items-center gap-x-6 gap-y-1 text-sm">
            <Link href="/admin" className="font-semibold">{getConfig().PLATFORM_NAME} operator</Link>
            <Link href="/admin" className="text-slate-300 hover:text-white">Partners</Link>
            <Link href="/admin/billing" className="text-slate-300 hover:text-white">Billing</Link>
            <Link href="/admin/invoices" className="text-slate-300 hover:text-white">Invoices</Link>
            <Link href="/admin/metrics" className="text-slate-300 hover:text-white">Metrics</Link>
            <Link href="/admin/plans" className="text-slate-300 hover:text-white">Plans</Link>
            <Link href="/admin/support" className="text-slate-300 hover:text-white">Support</Link>
            <Link href="/admin/templates" className="text-slate-300 hover:text-white">Templates</Link>
            <Link href="/admin/outbox" className="text-slate-300 hover:text-white">Outbox</Link>
            <Link href="/admin/masking" className="text-slate-300 hover:text-white">Call simulator</Link>
          </nav>
          <div className="flex min-w-0 items-center gap-3 text-sm">
            <Link href="/admin/account" className="min-w-0 truncate text-slate-300 hover:text-white" title={user.email}>
              {user.email}
            </Link>
            <SignOutButton action={operatorSignOutAction} className="text-slate-200! hover:bg-slate-800 hover:text-white!" />
          </div>
        </div>
      </header>
      {/* Long e-mails, hostnames and ids wrap rather than widen the page on a phone. */}
      <main className="mx-auto max-w-6xl p-4 break-words sm:p-8">{children}</main>
      <Toaster />
    </div>
  );
}
