import type { ReactNode } from 'react';
import { flowmatixMigrationGuide, type FlowmatixGuideRow } from '@/lib/compat/flowmatix/migration-guide';
import { flowmatixPrefix } from '@/lib/compat/flowmatix/paths';
import { tierLimits } from '@/lib/partners/tier-limits';
import { CodeBlock } from './code-block';
import { DocsShell } from './docs-shell';
import { MethodBadge } from './method-badge';
import { InlineText } from './rich-text';

const cell = 'px-3 py-2 align-top';
const where = { body: 'body', path: 'in the path', query: 'query' } as const;

function StatusBadge({ row }: { row: FlowmatixGuideRow }) {
  return row.status === 'available' ? (
    <span className="rounded bg-green-100 px-1.5 py-0.5 text-xs font-semibold text-green-800">Available</span>
  ) : (
    <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">Refused: {row.refusal!.code}</span>
  );
}

function Fields({ row }: { row: FlowmatixGuideRow }) {
  if (!row.fields.length) return <p className="text-sm text-slate-600">No fields.</p>;
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Fields of {row.method} {row.path}</caption>
        <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className={`${cell} font-medium`}>Flowmatix field</th>
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

function Answer({ row }: { row: FlowmatixGuideRow }) {
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

function Endpoint({ row }: { row: FlowmatixGuideRow }) {
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
      {row.example ? <CodeBlock label="Flowmatix’s example body">{JSON.stringify(row.example, null, 2)}</CodeBlock> : null}
      <Answer row={row} />
      {row.differences.length ? (
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
          {row.differences.map((difference) => <li key={difference}><InlineText text={difference} /></li>)}
        </ul>
      ) : null}
    </section>
  );
}

const successExample = `{ "success": true, "data": { "customer_id": "cli_01kaz3d4mqf2v8n6w0c1e5rj7t", "company_name": "Acme Corporation", … } }`;
const listExample = `{ "success": true, "data": [ … ], "meta": { "limit": 20, "offset": 0, "has_more": false } }`;
const errorExample = `{ "success": false, "error": { "code": "validation_failed", "message": "contact_email: contact_email must be an e-mail address.", "fields": { "contact_email": "contact_email must be an e-mail address." } } }`;

/**
 * "Migrating from Flowmatix": every endpoint of its partner API reference, what it maps to here and how each
 * field differs, rendered from the mapping table the /compat/flowmatix routes dispatch from.
 */
export function FlowmatixMigrationGuide({ brand, productName, origin }: { brand: ReactNode; productName: string; origin: string }) {
  const guide = flowmatixMigrationGuide();
  const per = (n: number) => n.toLocaleString('en-IN');
  return (
    <DocsShell brand={brand} current="migration-flowmatix">
      <main className="mx-auto max-w-5xl space-y-10 px-4 py-8 sm:px-8">
        <header className="space-y-3">
          <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Migrating from Flowmatix</h1>
          <p className="text-sm leading-6 text-slate-700">
            Code written for the Flowmatix partner API runs against {productName} by changing its base URL from <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs">…/api/v1/partners</code> to{' '}
            <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs">{origin}{flowmatixPrefix}</code>, with your {productName} API key. Its {guide.total - 1} documented endpoints and one addition are below; {guide.refused} are refused with a stable code because {productName} brands per partner, not per client.
          </p>
        </header>
        <section aria-labelledby="conventions-title" className="space-y-3">
          <h2 id="conventions-title" className="text-xl font-semibold text-slate-900">Conventions</h2>
          <ul className="list-disc space-y-1 pl-5 text-sm leading-6 text-slate-700">
            <li><InlineText text={'Send `Authorization: Bearer sk_live_…` (or `sk_test_…` for the sandbox) and `X-Partner-ID: ptn_…`, your partner id (GET /api/v1/partner answers it). Without X-Partner-ID the answer is 401 `partner_id_required`; naming another partner than the key’s, 403 `partner_mismatch`.'} /></li>
            <li><InlineText text={`The same keys, scopes, request log and audit trail as the REST API. Rate limits are per hour by tier, as Flowmatix’s: standard ${per(tierLimits.standard)}, premium ${per(tierLimits.premium)}, enterprise ${per(tierLimits.enterprise)}; every answer carries the RateLimit headers, and 429 \`rate_limited\` with Retry-After past it.`} /></li>
            <li><InlineText text={'Bodies are JSON. Send `Idempotency-Key` on POST and PUT to make a retry safe. Ids are this API’s: a customer is a client (`cli_…`); another partner’s id answers 404 `not_found`, as an unknown one does.'} /></li>
            <li><InlineText text={'Flowmatix publishes no answer envelope, so answers are `{ "success": true, "data" }` (lists add `meta`), errors `{ "success": false, "error": { "code", "message", "fields" } }` with the HTTP status and a stable `code` from the error catalogue. Money is in paise (integers), INR.'} /></li>
          </ul>
          <CodeBlock label="An answer">{successExample}</CodeBlock>
          <CodeBlock label="A list">{listExample}</CodeBlock>
          <CodeBlock label="An error">{errorExample}</CodeBlock>
        </section>
        <section aria-labelledby="webhooks-title" className="space-y-3">
          <h2 id="webhooks-title" className="text-xl font-semibold text-slate-900">Webhook events</h2>
          <p className="text-sm leading-6 text-slate-700">
            <InlineText text={'Flowmatix names five partner events but no way to subscribe, so `POST webhooks` (below) is added: its endpoint receives `customer.created`, `customer.upgraded`, `customer.cancelled`, `commission.earned` and `invoice.generated` under those names, as `{ "id", "event", "created_at", "customer_id", "data" }`, signed with Standard Webhooks headers and retried with backoff.'} />
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
