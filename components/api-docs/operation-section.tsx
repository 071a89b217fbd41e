import type { oas31 } from 'zod-openapi';
import { CodeBlock } from './code-block';
import { MethodBadge } from './method-badge';
import { curlExample, type OperationView } from './model';
import { RichText } from './rich-text';
import { ParametersTable, SchemaTable } from './schema-table';

function Subheading({ children }: { children: string }) {
  return <h4 className="mt-5 mb-2 text-sm font-semibold text-slate-900">{children}</h4>;
}

/** One operation: what it does, what it takes, an example exchange and the errors it can answer. */
export function OperationSection({ doc, op, apiBaseUrl }: { doc: oas31.OpenAPIObject; op: OperationView; apiBaseUrl: string }) {
  return (
    <section id={op.operationId} aria-labelledby={`${op.operationId}-title`} className="scroll-mt-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h3 id={`${op.operationId}-title`} className="text-lg font-semibold text-slate-900">{op.summary}</h3>
      <p className="mt-2 flex items-center gap-2">
        <MethodBadge method={op.method} />
        <code className="font-mono text-sm break-all text-slate-800">/api/v1{op.path}</code>
      </p>
      <RichText text={op.description} className="mt-3 space-y-2 text-sm leading-6 text-slate-700" />
      <p className="mt-3 text-sm text-slate-700">
        Scope:{' '}
        {op.scope ? <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs">{op.scope}</code> : <span>none — any valid key</span>}
      </p>

      {op.parameters.length ? (
        <>
          <Subheading>Parameters</Subheading>
          <ParametersTable parameters={op.parameters} />
        </>
      ) : null}

      {op.requestBody ? (
        <>
          <Subheading>Request body (application/json)</Subheading>
          <SchemaTable doc={doc} schema={op.requestBody.schema} caption={`Request body of ${op.summary}`} />
        </>
      ) : null}

      <Subheading>{`Response ${op.success.status}`}</Subheading>
      <p className="mb-2 text-sm text-slate-700">{op.success.description}</p>
      {op.success.schema ? (
        <details className="mb-3 text-sm">
          <summary className="cursor-pointer text-slate-700">Response fields</summary>
          <div className="mt-2">
            <SchemaTable doc={doc} schema={op.success.schema} caption={`Response of ${op.summary}`} />
          </div>
        </details>
      ) : null}

      <div className="space-y-3">
        <CodeBlock label="Example request">{curlExample(op, apiBaseUrl)}</CodeBlock>
        {op.success.example !== undefined ? <CodeBlock label={`Example response ${op.success.status}`}>{JSON.stringify(op.success.example, null, 2)}</CodeBlock> : null}
      </div>

      <Subheading>Errors</Subheading>
      <ul className="flex flex-wrap gap-2 text-xs">
        {op.errors.map((error) => (
          <li key={error.code}>
            <a href={`/docs/api/errors#${error.code}`} className="inline-flex items-center gap-1 rounded border border-slate-200 px-2 py-1 hover:border-brand hover:text-slate-900" title={error.title}>
              <span className="font-semibold text-slate-600">{error.status}</span>
              <code className="font-mono">{error.code}</code>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
