import type { ReactNode } from 'react';
import { BrandMark } from '@/components/brand/brand-mark';
import type { Tenant } from '@/lib/tenancy/resolve-host';

/**
 * The centred card of the sign-in side pages, in the partner's brand on its hosts (its mark and colours) and
 * plain on the platform host for operators.
 */
export function AuthPanel({ brand, title, description, children }: { brand?: Tenant['brand']; title: string; description: ReactNode; children: ReactNode }) {
  return (
    <main className={`grid min-h-dvh place-items-center p-4${brand ? ' bg-brand-secondary/5' : ''}`}>
      <div className="w-full max-w-sm space-y-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <div className={brand ? 'flex flex-col items-center gap-2 text-center' : 'space-y-2 text-center'}>
          {brand ? <BrandMark brand={brand} size="lg" /> : null}
          <h1 className="text-lg font-semibold">{title}</h1>
          <p className="text-sm text-slate-600">{description}</p>
        </div>
        {children}
      </div>
    </main>
  );
}

/** A link under the form, in the brand's colour on a partner's host. */
export function AuthPanelLink({ brand, href, children }: { brand?: Tenant['brand']; href: string; children: ReactNode }) {
  return (
    <p className="text-center text-sm">
      <a className={brand ? 'text-brand underline' : 'underline'} href={href}>
        {children}
      </a>
    </p>
  );
}

