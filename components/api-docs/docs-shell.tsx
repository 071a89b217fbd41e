import type { ReactNode } from 'react';
import { migrationGuidePath } from '@/lib/compat/ivr/paths';
import { flowmatixGuidePath } from '@/lib/compat/flowmatix/paths';
import { uchatGuidePath } from '@/lib/compat/uchat/paths';

/** The frame of every docs page: the brand (platform or partner), the docs' own links, then the page. */
export function DocsShell({ brand, current, children }: { brand: ReactNode; current: 'reference' | 'errors' | 'migration' | 'migration-flowmatix' | 'migration-uchat'; children: ReactNode }) {
  const link = (href: string, label: string, active: boolean) => (
    <a href={href} aria-current={active ? 'page' : undefined} className={active ? 'font-semibold text-slate-900' : 'text-slate-600 hover:text-slate-900'}>
      {label}
    </a>
  );
  return (
    <div className="min-h-dvh">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-4 px-4 py-3 sm:px-8">
          <div className="flex items-center gap-3">
            {brand}
            <span className="text-sm text-slate-500">API documentation</span>
          </div>
          <nav aria-label="Documentation" className="flex items-center gap-5 text-sm">
            {link('/docs/api', 'Reference', current === 'reference')}
            {link('/docs/api/errors', 'Errors', current === 'errors')}
            {link(migrationGuidePath, 'Migration guide', current === 'migration')}
            {link(uchatGuidePath, 'From UChat', current === 'migration-uchat')}
            {link(flowmatixGuidePath, 'From Flowmatix', current === 'migration-flowmatix')}
            {link('/api/v1/openapi.json', 'OpenAPI JSON', false)}
          </nav>
        </div>
      </header>
      {children}
    </div>
  );
}
