import type { ReactNode } from 'react';
import { BrandMark } from '@/components/brand/brand-mark';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { SectionTabs } from '@/components/console/section-tabs';
import { portalTabs } from '@/components/portal/portal-tabs';
import { Toaster } from '@/components/ui/toast';
import { requirePortalSession } from '@/lib/auth/portal-session';
import { signOutAction } from '../(console)/actions';

/** The client portal's frame, in the partner's brand. Each page checks the session again. */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const { tenant, member } = await requirePortalSession();
  return (
    <div className="min-h-dvh bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <BrandMark brand={tenant.brand} />
          <div className="flex items-center gap-3 text-sm">
            <span className="text-slate-600">{member.name}</span>
            <SignOutButton action={signOutAction} />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-4xl space-y-6 px-4 py-6 break-words">
        <SectionTabs tabs={portalTabs} label="Account sections" />
        {children}
      </main>
      <Toaster />
    </div>
  );
}
