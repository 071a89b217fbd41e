import type { ReactNode } from 'react';
import { openApiDocument } from '@/lib/api/openapi/document';
import { errorCatalogue, type ErrorCode } from '@/lib/errors/catalogue';
import { DocsShell } from './docs-shell';
import { referenceModel, type OperationView } from './model';
import { RichText } from './rich-text';

/** Which operations document a code: named when they are few, counted when most can answer it. */
function UsedBy({ ops, total }: { ops: OperationView[]; total: number }) {
  if (!ops.length) return null;
  if (ops.length === total) return <p className="text-xs text-slate-500">Any operation can answer it.</p>;
  if (ops.length > 8) return <p className="text-xs text-slate-500">{ops.length} of {total} operations can answer it.</p>;
  return (
    <p className="text-xs text-slate-500">
      Documented for:{' '}
      {ops.map((op, i) => (
        <span key={op.operationId}>
          {i ? ', ' : ''}
          <a className="underline" href={`/docs/api#${op.operationId}`}>
            {op.summary}
          </a>
        </span>
      ))}
    </p>
  );
}

/** Every error code, each its own anchor: the `type` of a problem response links straight to its entry. */
export function ErrorCatalogue({ brand, productName }: { brand: ReactNode; productName: string }) {
  const operations = referenceModel(openApiDocument()).tags.flatMap((tag) => tag.operations);
  const usedBy = (code: string) => operations.filter((op) => op.errors.some((error) => error.code === code));
  return (
    <DocsShell brand={brand} current="errors">
      <main className="mx-auto max-w-4xl space-y-6 px-4 py-8 sm:px-8">
        <header className="space-y-2">
          <h1 className="text-3xl font-semibold tracking-tight text-slate-900">{productName} API error codes</h1>
          <p className="text-sm leading-6 text-slate-700">
            Every error is an <code className="font-mono">application/problem+json</code> body whose <code className="font-mono">code</code> is one of these. Codes never change meaning; new ones may be added.
          </p>
        </header>
        <dl className="space-y-4">
          {(Object.entries(errorCatalogue) as [ErrorCode, (typeof errorCatalogue)[ErrorCode]][]).map(([code, entry]) => {
            const ops = usedBy(code);
            return (
              <div key={code} id={code} className="scroll-mt-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm target:ring-2 target:ring-brand">
                <dt className="flex flex-wrap items-baseline gap-3">
                  <code className="font-mono text-base font-semibold text-slate-900">{code}</code>
                  <span className="text-sm text-slate-600">
                    <span className="font-semibold">{entry.status}</span> · {entry.title}
                  </span>
                </dt>
                <dd className="mt-2 space-y-2">
                  <RichText text={entry.description} />
                  <UsedBy ops={ops} total={operations.length} />
                </dd>
              </div>
            );
          })}
        </dl>
      </main>
    </DocsShell>
  );
}
