import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { BrandMark } from '@/components/brand/brand-mark';
import { consoleNav } from '@/components/console/nav-items';
import { SidebarNav } from '@/components/console/sidebar-nav';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { EnvironmentSwitch } from '@/components/console/environment-switch';
import { Toaster } from '@/components/ui/toast';
import { readConsoleEnvironment } from '@/lib/auth/console-environment';
import { roleLabels } from '@/lib/auth/permissions';
import { currentTenant, getClientMemberSession, getStaffSession } from '@/lib/auth/session';
import { signOutAction, switchEnvironmentAction } from './actions';

/** The partner console's frame. Each page and action checks the session again; this only decides what to show. */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const tenant = await currentTenant();
  if (!tenant) redirect('/login');
  const staff = await getStaffSession(tenant);
  if (!staff) redirect((await getClientMemberSession(tenant)) ? '/account' : '/login');
  if (staff.mustChangePassword) redirect('/password');
  const environment = await readConsoleEnvironment();

  return (
    <div className="min-h-dvh md:flex">
      <aside className="bg-brand-secondary text-brand-secondary-contrast md:sticky md:top-0 md:h-dvh md:w-60 md:shrink-0 md:overflow-y-auto">
        <div className="flex items-center justify-between gap-2 p-4">
          <BrandMark brand={tenant.brand} />
        </div>
        <div className="px-2 pb-3 md:pb-6">
          <SidebarNav items={consoleNav} />
        </div>
      </aside>
      <div className="min-w-0 flex-1">
        {environment === 'test' ? (
          <div data-testid="test-mode-banner" className="border-b border-amber-300 bg-amber-100 px-4 py-2 text-sm text-amber-950 sm:px-8">
            <strong>Test mode.</strong> You are looking at your sandbox: test data and <code>sk_test_</code> API requests only. Nothing here reaches
            live clients. Branding, domains and team are shared with live mode.
          </div>
        ) : null}
        <header className="flex flex-wrap items-center justify-end gap-x-3 gap-y-1 border-b border-slate-200 bg-white px-4 py-2 text-sm sm:px-8">
          <EnvironmentSwitch environment={environment} action={switchEnvironmentAction} />
          <span className="text-slate-600">
            {staff.user.name} · {roleLabels[staff.user.role]}
          </span>
          <SignOutButton action={signOutAction} />
        </header>
        {/* Long e-mails, hostnames and ids wrap rather than widen the page on a phone. */}
        <main className="mx-auto max-w-6xl p-4 break-words sm:p-8">{children}</main>
      </div>
      <Toaster />
    </div>
  );
}
