import type { ReactNode } from 'react';
import { openApiDocument } from '@/lib/api/openapi/document';
import { DocsShell } from './docs-shell';
import { MethodBadge } from './method-badge';
import { referenceModel } from './model';
import { OperationSection } from './operation-section';
import { Overview, overviewTopics } from './overview';
import { RichText } from './rich-text';

const tagId = (tag: string) => `tag-${tag.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

/**
 * The API reference, rendered on the server from the same OpenAPI document that /api/v1/openapi.json serves:
 * no script, no outside CDN, and the platform's or the partner's name at the top.
 */
export function ApiReference({ brand, productName, origin }: { brand: ReactNode; productName: string; origin: string }) {
  const doc = openApiDocument();
  const model = referenceModel(doc);
  const apiBaseUrl = `${origin}/api/v1`;
  return (
    <DocsShell brand={brand} current="reference">
      <div className="mx-auto flex max-w-7xl gap-8 px-4 py-8 sm:px-8">
        <nav aria-label="Operations" className="sticky top-6 hidden max-h-[calc(100dvh-3rem)] w-64 shrink-0 overflow-y-auto text-sm lg:block">
          <p className="mb-2 font-semibold text-slate-900">Overview</p>
          <ul className="mb-5 space-y-1">
            {overviewTopics.map((topic) => (
              <li key={topic.id}><a className="text-slate-600 hover:text-slate-900" href={`#${topic.id}`}>{topic.title}</a></li>
            ))}
          </ul>
          {model.tags.map((tag) => (
            <div key={tag.name} className="mb-5">
              <a href={`#${tagId(tag.name)}`} className="mb-2 block font-semibold text-slate-900">{tag.name}</a>
              <ul className="space-y-1.5">
                {tag.operations.map((op) => (
                  <li key={op.operationId}>
                    <a className="flex items-start gap-2 text-slate-600 hover:text-slate-900" href={`#${op.operationId}`}>
                      <MethodBadge method={op.method} />
                      <span>{op.summary}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <main className="min-w-0 flex-1 space-y-12">
          <header className="space-y-3">
            <h1 className="text-3xl font-semibold tracking-tight text-slate-900">{productName} API reference</h1>
            <RichText text={model.description} />
            <p className="text-sm text-slate-700">
              Base URL <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs">{apiBaseUrl}</code> · Machine-readable:{' '}
              <a className="font-medium underline" href="/api/v1/openapi.json">OpenAPI 3.1 document</a> · <a className="font-medium underline" href="/docs/api/errors">Error codes</a>
            </p>
          </header>
          <section aria-labelledby="overview-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h2 id="overview-title" className="mb-6 text-xl font-semibold text-slate-900">Overview</h2>
            <Overview apiBaseUrl={apiBaseUrl} />
          </section>
          {model.tags.map((tag) => (
            <section key={tag.name} id={tagId(tag.name)} aria-labelledby={`${tagId(tag.name)}-title`} className="scroll-mt-6 space-y-6">
              <h2 id={`${tagId(tag.name)}-title`} className="text-xl font-semibold text-slate-900">{tag.name}</h2>
              {tag.operations.map((op) => <OperationSection key={op.operationId} doc={doc} op={op} apiBaseUrl={apiBaseUrl} />)}
            </section>
          ))}
        </main>
      </div>
    </DocsShell>
  );
}
