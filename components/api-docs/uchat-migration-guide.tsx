import type { ReactNode } from 'react';
import { uchatMigrationGuide, type UChatGuideRow } from '@/lib/compat/uchat/migration-guide';
import { uchatPrefix } from '@/lib/compat/uchat/paths';
import { uchatEventNames } from '@/lib/compat/uchat/webhook-payload';
import { CodeBlock } from './code-block';
import { DocsShell } from './docs-shell';
import { MethodBadge } from './method-badge';
import { InlineText } from './rich-text';

const cell = 'px-3 py-2 align-top';
const where = { body: 'body', path: 'in the path', query: 'query' } as const;

function StatusBadge({ row }: { row: UChatGuideRow }) {
  return row.status === 'available' ? (
    <span className="rounded bg-green-100 px-1.5 py-0.5 text-xs font-semibold text-green-800">Available</span>
  ) : (
    <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">Refused: {row.refusal!.code}</span>
  );
}

function Fields({ row }: { row: UChatGuideRow }) {
  if (!row.fields.length) return <p className="text-sm text-slate-600">No fields.</p>;
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Fields of {row.method} {row.path}</caption>
        <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className={`${cell} font-medium`}>UChat field</th>
            <th scope="col" className={`${cell} font-medium`}>Here</th>
            <th scope="col" className={`${cell} font-medium`}>Difference</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {row.fields.map((field) => (
            <tr key={field.name}>
              <td className={cell}>
                <code className="font-mono">{field.name}</code> <span className="text-xs text-slate-500">{field.type}, {where[field.in]}{field.required ? ', required' : ''}</span>
              </td>
              <td className={cell}><code className="font-mono">{field.to}</code></td>
              <td className={`${cell} text-slate-700`}>{field.difference ? <InlineText text={field.difference} /> : 'Same'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Answer({ row }: { row: UChatGuideRow }) {
  if (!row.answer.length) return null;
  return (
    <details className="rounded-md border border-slate-200">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-800">
        <code className="font-mono">data</code> in the answer: {row.answer.length} fields
      </summary>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Fields of data in the answer of {row.method} {row.path}</caption>
        <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className={`${cell} font-medium`}>Field</th>
            <th scope="col" className={`${cell} font-medium`}>From</th>
            <th scope="col" className={`${cell} font-medium`}>Note</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {row.answer.map((field) => (
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

function Endpoint({ row }: { row: UChatGuideRow }) {
  return (
    <section id={row.id} aria-labelledby={`${row.id}-title`} data-status={row.status} className="scroll-mt-6 space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <header className="flex flex-wrap items-center gap-3">
        <MethodBadge method={row.method} />
        <h3 id={`${row.id}-title`} className="font-mono text-sm font-semibold text-slate-900">{row.path}</h3>
        <StatusBadge row={row} />
      </header>
      <p className="text-sm text-slate-700">{row.summary}</p>
      {row.rest.length ? (
        <p className="text-sm text-slate-700">
          REST operation{row.rest.length > 1 ? 's' : ''}:{' '}
          {row.rest.map((op, i) => (
            <span key={op.operationId}>
              {i ? ', ' : ''}
              <a className="font-medium underline" href={`/docs/api#${op.operationId}`}><code className="font-mono">{op.method} {op.path}</code></a>
            </span>
          ))}
          {row.scope ? <> · scope <code className="font-mono">{row.scope}</code></> : null}
        </p>
      ) : null}
      {row.refusal ? <p className="text-sm text-slate-700"><InlineText text={row.refusal.reason} /></p> : null}
      <Fields row={row} />
      {row.example ? <CodeBlock label="UChat’s example body">{JSON.stringify(row.example, null, 2)}</CodeBlock> : null}
      <Answer row={row} />
      {row.differences.length ? (
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
          {row.differences.map((difference) => <li key={difference}><InlineText text={difference} /></li>)}
        </ul>
      ) : null}
    </section>
  );
}

const successExample = `{ "status": "ok", "data": { "id": "wsp_01kaz3d4mqf2v8n6w0c1e5rj7t", "name": "Jane’s Agency", "owner_id": "cli_01kaz3d4mqf2v8n6w0c1e5rj7t", "plan": "pro", "auto_renew": 1, … } }`;
const listExample = `{ "status": "ok", "data": [ … ], "meta": { "current_page": 1, "per_page": 10, "total": 5 } }`;
const errorExample = `{ "status": "error", "code": "validation_failed", "message": "email: email must be an e-mail address.", "errors": { "email": "email must be an e-mail address." } }`;

/**
 * "Migrating from UChat": every endpoint of its partner API, what it maps to here and how each field differs,
 * rendered from the mapping table the /api/partner routes dispatch from.
 */
export function UChatMigrationGuide({ brand, productName, origin }: { brand: ReactNode; productName: string; origin: string }) {
  const guide = uchatMigrationGuide();
  const events = Object.entries(uchatEventNames).map(([type, name]) => `\`${name}\` (from ${type})`).join(', ');
  return (
    <DocsShell brand={brand} current="migration-uchat">
      <main className="mx-auto max-w-5xl space-y-10 px-4 py-8 sm:px-8">
        <header className="space-y-3">
          <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Migrating from UChat</h1>
          <p className="text-sm leading-6 text-slate-700">
            Code written for UChat’s partner API runs against {productName} by changing its base URL from <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs">https://[your custom domain]/api</code> to{' '}
            <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs">{origin}/api</code> (the paths stay <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs">{uchatPrefix}/…</code>), with a {productName} API key. All {guide.total} endpoints are below, each with the domain operation it runs and how every field differs.
          </p>
        </header>
        <section aria-labelledby="conventions-title" className="space-y-3">
          <h2 id="conventions-title" className="text-xl font-semibold text-slate-900">Conventions</h2>
          <ul className="list-disc space-y-1 pl-5 text-sm leading-6 text-slate-700">
            <li><InlineText text={'Send `Authorization: Bearer sk_live_…` (or `sk_test_…` for the sandbox): a partner API key made in the console, with the scopes each endpoint names. The same keys, rate limits, request log and audit trail as the REST API.'} /></li>
            <li><InlineText text={'Methods as UChat’s clients use them: GET for lists and `workspace/{workspaceId}`, DELETE on `workspace/{workspaceId}`, PUT for `change-plan`, POST for every other action. Bodies are JSON; send `Idempotency-Key` on POST, PUT and DELETE to make a retry safe.'} /></li>
            <li><InlineText text={'Lists page by number: `page` (from 1) and `per_page` (1 to 100, 10 by default); `meta` holds `current_page`, `per_page` and `total`.'} /></li>
            <li><InlineText text={'UChat publishes no error body, so errors use the same envelope: `{ "status": "error", "code", "message", "errors" }` with the HTTP status, a stable `code` from the error catalogue and per-field messages under UChat’s field names.'} /></li>
            <li><InlineText text={'Ids are this API’s: a workspace is `wsp_…`, its owner (a UChat user) is a client `cli_…`, a template `tpl_…`. Another partner’s id answers 404 `not_found`, as an unknown one does. Money is in paise (integers), INR.'} /></li>
            <li><InlineText text={'A client created with `workspace/create` is pending: it must finish onboarding and KYC (Indian rules) through the link e-mailed to it before numbers, wallet charges or signing in; the answer says so in `kyc_required` and `kyc`.'} /></li>
          </ul>
          <CodeBlock label="An answer">{successExample}</CodeBlock>
          <CodeBlock label="A list">{listExample}</CodeBlock>
          <CodeBlock label="An error">{errorExample}</CodeBlock>
        </section>
        <section aria-labelledby="webhooks-title" className="space-y-3">
          <h2 id="webhooks-title" className="text-xl font-semibold text-slate-900">Webhook events</h2>
          <p className="text-sm leading-6 text-slate-700">
            <InlineText text={`\`set-webhook\` subscribes a URL to UChat’s workspace events: ${events}. Each delivery is UChat’s flat body (\`event_type\`, \`owner_id\`, \`owner_email\`, \`workspace_id\`, \`plan\`, \`auto_renew\` as 0/1, then the event’s own fields). Unlike UChat’s, deliveries are signed (Webhook-Id, Webhook-Timestamp, Webhook-Signature), retried with backoff and logged.`} />
          </p>
        </section>
        {guide.groups.map((group) => (
          <section key={group.name} aria-labelledby={`group-${group.rows[0]?.id}`} className="space-y-4">
            <h2 id={`group-${group.rows[0]?.id}`} className="text-xl font-semibold text-slate-900">
              {group.name} <span className="text-sm font-normal text-slate-500">{group.rows.length}</span>
            </h2>
            {group.rows.map((row) => <Endpoint key={row.id} row={row} />)}
          </section>
        ))}
      </main>
    </DocsShell>
  );
}
