import type { ReactNode } from 'react';
import { migrationGuide, type GuideRow } from '@/lib/compat/ivr/migration-guide';
import { CodeBlock } from './code-block';
import { DocsShell } from './docs-shell';
import { MethodBadge } from './method-badge';
import { InlineText } from './rich-text';

const cell = 'px-3 py-2 align-top';

function StatusBadge({ row }: { row: GuideRow }) {
  return row.status === 'available' ? (
    <span className="rounded bg-green-100 px-1.5 py-0.5 text-xs font-semibold text-green-800">Available</span>
  ) : (
    <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-semibold text-slate-700">Coming with {row.comesWith}</span>
  );
}

function Fields({ row }: { row: GuideRow }) {
  if (!row.fields.length) return <p className="text-sm text-slate-600">No fields.</p>;
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Fields of {row.path}</caption>
        <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className={`${cell} font-medium`}>IVR Solutions field</th>
            <th scope="col" className={`${cell} font-medium`}>Here</th>
            <th scope="col" className={`${cell} font-medium`}>Difference</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {row.fields.map((field) => (
            <tr key={field.name}>
              <td className={cell}>
                <code className="font-mono">{field.name}</code> <span className="text-xs text-slate-500">{field.type}{field.in === 'path' ? ', in the path' : ''}{field.ivrRequired ? ', required' : ''}</span>
                {field.ivrNote ? <span className="block text-xs text-slate-500">{field.ivrNote}</span> : null}
              </td>
              <td className={cell}>{field.to ? <code className="font-mono">{field.to}</code> : <span className="text-slate-500">—</span>}</td>
              <td className={`${cell} text-slate-700`}>{field.difference ? <InlineText text={field.difference} /> : field.to ? 'Same' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Data({ row }: { row: GuideRow }) {
  if (!row.data) return null;
  return (
    <details className="rounded-md border border-slate-200">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-800">
        <code className="font-mono">data</code>: {row.data.shape === 'list' ? 'a list, each item with' : 'an object with'} {row.data.fields.length} fields
      </summary>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Fields of data in the answer of {row.path}</caption>
        <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className={`${cell} font-medium`}>Field</th>
            <th scope="col" className={`${cell} font-medium`}>From the REST resource</th>
            <th scope="col" className={`${cell} font-medium`}>Note</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {row.data.fields.map((field) => (
            <tr key={field.name}>
              <td className={cell}><code className="font-mono">{field.name}</code></td>
              <td className={cell}><code className="font-mono">{field.from}</code></td>
              <td className={`${cell} text-slate-700`}>{field.note ? <InlineText text={field.note} /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function Endpoint({ row }: { row: GuideRow }) {
  return (
    <section id={row.id} aria-labelledby={`${row.id}-title`} data-status={row.status} className="scroll-mt-6 space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <header className="flex flex-wrap items-center gap-3">
        <MethodBadge method={row.method} />
        <h3 id={`${row.id}-title`} className="font-mono text-sm font-semibold text-slate-900">{row.path}</h3>
        <StatusBadge row={row} />
      </header>
      <p className="text-sm text-slate-700">{row.summary}</p>
      <p className="text-sm text-slate-700">
        REST operation:{' '}
        {row.rest ? (
          <a className="font-medium underline" href={`/docs/api#${row.rest.operationId}`}>
            <code className="font-mono">{row.rest.method} {row.rest.path}</code>
          </a>
        ) : (
          <span className="text-slate-500">none yet; until then it answers 501</span>
        )}
        {row.rest?.scope ? <> · scope <code className="font-mono">{row.rest.scope}</code></> : null}
      </p>
      <Fields row={row} />
      {row.example ? <CodeBlock label="IVR Solutions’ example body">{JSON.stringify(row.example, null, 2)}</CodeBlock> : null}
      <Data row={row} />
      {row.differences.length ? (
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
          {row.differences.map((difference) => <li key={difference}><InlineText text={difference} /></li>)}
        </ul>
      ) : null}
    </section>
  );
}

const envelopeExample = `{
  "status": 200,
  "message": "OTP sent to email and mobile",
  "data": { "request_id": "reg_01kaz3d4mqf2v8n6w0c1e5rj7t", "temp_client_id": "reg_01kaz3d4mqf2v8n6w0c1e5rj7t", … }
}`;

const errorExample = `{ "status": 409, "message": "email: A client with this e-mail address already exists.", "code": "conflict" }`;

/**
 * "Migrating from IVR Solutions": every endpoint of its partner API, what it maps to here and how each field
 * differs, rendered from the mapping table the /partnerclients routes dispatch from.
 */
export function MigrationGuide({ brand, productName, origin }: { brand: ReactNode; productName: string; origin: string }) {
  const guide = migrationGuide();
  return (
    <DocsShell brand={brand} current="migration">
      <main className="mx-auto max-w-5xl space-y-10 px-4 py-8 sm:px-8">
        <header className="space-y-3">
          <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Migrating from IVR Solutions</h1>
          <p className="text-sm leading-6 text-slate-700">
            Code written for the IVR Solutions partner API runs against {productName} by changing its base URL to{' '}
            <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs">{origin}/partnerclients</code>. The same paths take the same fields and answer in the same envelope, with your {productName} API key. {guide.available} of its {guide.total} endpoints answer today; the others answer 501 until their capability arrives.
          </p>
        </header>
        <section aria-labelledby="conventions-title" className="space-y-3">
          <h2 id="conventions-title" className="text-xl font-semibold text-slate-900">Conventions</h2>
          <ul className="list-disc space-y-1 pl-5 text-sm leading-6 text-slate-700">
            <li><InlineText text={'Authenticate with `Authorization: Bearer sk_live_…` (or `sk_test_…` for the sandbox, where every code is `123456`): the same keys, scopes, rate limits, request log and audit trail as the REST API.'} /></li>
            <li><InlineText text={'Send fields as JSON or as a form (`application/x-www-form-urlencoded` or `multipart/form-data`). Numbers may be sent as strings or as numbers; an optional field sent empty counts as not sent. Fields beyond the documented ones are ignored.'} /></li>
            <li><InlineText text={'`client_id` is the client id (`cli_…`); `request_id` and `temp_client_id` are both the registration id (`reg_…`) that `register` returns.'} /></li>
            <li><InlineText text={'Errors are `{ "status", "message" }` with 400, 401, 404 or 405, the message naming each field at fault. Where there is more to say the answer carries `code`, a stable error code from the error catalogue: 409 (a conflict, such as a step out of order), 422, 429 (a limit, or a code locked after wrong attempts), and 401 for a key without the scope. Unknown paths answer 404 and a wrong method 405, in the same envelope.'} /></li>
          </ul>
          <CodeBlock label="Every answer">{envelopeExample}</CodeBlock>
          <CodeBlock label="An error with more to say">{errorExample}</CodeBlock>
        </section>
        {guide.groups.map((group) => (
          <section key={group.name} aria-labelledby={`group-${group.rows[0]?.id}`} className="space-y-4">
            <h2 id={`group-${group.rows[0]?.id}`} className="text-xl font-semibold text-slate-900">
              {group.name} <span className="text-sm font-normal text-slate-500">{group.rows.length}</span>
            </h2>
            {group.rows.map((row) => <Endpoint key={row.path} row={row} />)}
          </section>
        ))}
      </main>
    </DocsShell>
  );
}
