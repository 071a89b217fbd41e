import type { ReactNode } from 'react';
import { BrandMark } from '@/components/brand/brand-mark';
import type { Tenant } from '@/lib/tenancy/resolve-host';

/** The hosted wizard's frame: the partner's mark on top, one narrow column that reads well on a phone. */
export function HostedShell({ brand, testMode, children }: { brand: Tenant['brand']; testMode?: boolean; children: ReactNode }) {
  return (
    <div className="min-h-dvh">
      {testMode ? (
        <p data-testid="test-mode-banner" className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-950">
          <strong>Test mode.</strong> This link opens a test account; no real checks are made.
        </p>
      ) : null}
      <main className="mx-auto w-full max-w-xl space-y-6 px-4 py-6 sm:py-10">
        <header className="flex justify-center">
          <BrandMark brand={brand} size="lg" />
        </header>
        {children}
        {brand.supportEmail ? (
          <p className="text-center text-sm text-slate-600">
            Need help?{' '}
            <a className="text-brand-link underline" href={`mailto:${brand.supportEmail}`}>
              {brand.supportEmail}
            </a>
          </p>
        ) : null}
      </main>
    </div>
  );
}

/** A full-width message in place of the wizard: the end of the journey, or why it cannot go on. */
export function HostedMessage({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section data-testid={testId} className="space-y-3 rounded-xl border border-slate-200 bg-white p-6 text-center shadow-sm sm:p-8">
      <h1 className="text-xl font-semibold tracking-tight text-slate-900">{title}</h1>
      <div className="space-y-3 text-slate-700">{children}</div>
    </section>
  );
}
