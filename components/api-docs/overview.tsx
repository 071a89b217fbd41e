import type { ReactNode } from 'react';
import { tierLimits } from '@/lib/partners/tier-limits';
import { eventCatalogue } from '@/lib/events/catalogue';
import { maskingMagicValues } from '@/lib/providers/carrier/masking-simulator';
import { CodeBlock } from './code-block';
import { InlineText } from './rich-text';

export const overviewTopics = [
  { id: 'authentication', title: 'Authentication' },
  { id: 'errors', title: 'Errors' },
  { id: 'pagination', title: 'Pagination' },
  { id: 'idempotency', title: 'Idempotency' },
  { id: 'rate-limits', title: 'Rate limits' },
  { id: 'webhooks', title: 'Webhooks' },
  { id: 'masking', title: 'Masking and the call simulator' },
] as const;

function Topic({ id, children }: { id: (typeof overviewTopics)[number]['id']; children: ReactNode }) {
  const title = overviewTopics.find((t) => t.id === id)!.title;
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-6 space-y-3">
      <h3 id={`${id}-title`} className="text-lg font-semibold text-slate-900">{title}</h3>
      {children}
    </section>
  );
}

function P({ children }: { children: string }) {
  return (
    <p className="text-sm leading-6 text-slate-700">
      <InlineText text={children} />
    </p>
  );
}

const problemExample = `{
  "type": "/docs/api/errors#validation_failed",
  "title": "Validation failed",
  "status": 400,
  "detail": "status: Invalid option: expected one of \\"active\\"|\\"inactive\\"",
  "code": "validation_failed",
  "request_id": "req_01kaz3d4mqf2v8n6w0c1e5rj7t",
  "errors": [{ "pointer": "/status", "message": "Invalid option: expected one of \\"active\\"|\\"inactive\\"" }]
}`;

const walkExample = `let after;
do {
  const page = await get(\`/clients?limit=100\${after ? \`&starting_after=\${after}\` : ''}\`);
  for (const client of page.data) handle(client);
  after = page.has_more ? page.data.at(-1).id : undefined;
} while (after);`;

const verifyExample = `import { Webhook } from 'standardwebhooks';

// The endpoint's signing secret (whsec_…), shown when the endpoint is created.
const webhook = new Webhook(process.env.WEBHOOK_SECRET);

// Verify the raw body exactly as received, before parsing it.
const event = webhook.verify(rawBody, {
  'webhook-id': request.headers['webhook-id'],
  'webhook-timestamp': request.headers['webhook-timestamp'],
  'webhook-signature': request.headers['webhook-signature'],
});`;

const manualExample = `import { createHmac, timingSafeEqual } from 'node:crypto';

const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
const expected = createHmac('sha256', key).update(\`\${id}.\${timestamp}.\${rawBody}\`).digest();
const valid = signatureHeader.split(' ').some((entry) => {
  const [version, signature] = entry.split(',');
  const given = Buffer.from(signature ?? '', 'base64');
  return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
}) && Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;`;

/** What every operation has in common, read once before the reference. */
export function Overview({ apiBaseUrl }: { apiBaseUrl: string }) {
  return (
    <div className="space-y-10">
      <Topic id="authentication">
        <P>{`Send an API key with every request as \`Authorization: Bearer <key>\`. Keys are created in the console under Developers and shown once. \`sk_live_…\` keys act on your live account; \`sk_test_…\` keys act on its sandbox, with its own data and simulated providers, so you can build against the same API without touching live data.`}</P>
        <P>{'Each key carries scopes (`clients:read`, `clients:write`, …; write includes read). An operation names the scope it needs; a key without it gets `403 insufficient_scope`. You may send `X-Partner-ID` with your partner id as a safeguard: a key of another partner is then refused with `403 partner_mismatch`.'}</P>
        <CodeBlock label="Who am I">{`curl '${apiBaseUrl}/partner' -H 'Authorization: Bearer sk_live_…'`}</CodeBlock>
      </Topic>
      <Topic id="errors">
        <P>{'Errors are RFC 9457 problem details (`application/problem+json`) with a stable `code`, the `request_id` to quote to support, and for invalid input an `errors` list with a JSON pointer to each field. The `type` links to the code in the error catalogue.'}</P>
        <CodeBlock label="400 Bad Request">{problemExample}</CodeBlock>
        <p className="text-sm">
          <a className="font-medium underline" href="/docs/api/errors">Every error code</a>
        </p>
      </Topic>
      <Topic id="pagination">
        <P>{'Lists return `{ "object": "list", "data": [...], "has_more": true }`, newest first. Ask for `limit` items (1–100, default 20); continue with `starting_after=<last id>` for older items or go back with `ending_before=<first id>`. Cursors are ids, so items created while you walk a list never make you see an item twice or miss one.'}</P>
        <CodeBlock label="Walk every item">{walkExample}</CodeBlock>
      </Topic>
      <Topic id="idempotency">
        <P>{'Send `Idempotency-Key: <unique string>` (at most 255 characters, e.g. a UUID) with any POST, PATCH or DELETE. Retrying with the same key and the same body within 24 hours replays the first answer, status and body, with `Idempotent-Replayed: true`; nothing is done twice. The same key with a different body is `422 idempotency_key_reused`; while the first request is still running, a retry gets `409 idempotency_in_progress` with `Retry-After`. A first request still unfinished after a minute is presumed lost, and a retry then runs in its place.'}</P>
      </Topic>
      <Topic id="rate-limits">
        <P>{`Each partner may make a number of requests an hour, across all its keys of one mode: ${Object.entries(tierLimits).map(([tier, limit]) => `${limit.toLocaleString('en')} (${tier})`).join(', ')}. Live and test mode are counted apart, each with that budget, so tests never use up what live traffic needs. Every response says where you stand with the IETF \`RateLimit-Policy\` and \`RateLimit\` header fields; past the limit you get \`429 rate_limited\` with \`Retry-After\` in seconds.`}</P>
        <CodeBlock label="Response headers">{`RateLimit-Policy: "hourly";q=5000;w=3600\nRateLimit: "hourly";r=4987;t=1832`}</CodeBlock>
      </Topic>
      <Topic id="webhooks">
        <P>{'Webhook endpoints receive events as signed POST requests following Standard Webhooks (standardwebhooks.com). Each request carries `webhook-id`, `webhook-timestamp` and `webhook-signature` headers: the signature is `v1,` and the base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<raw body>` with the endpoint secret (the base64 after `whsec_`). Several signatures separated by spaces appear while a secret is being rotated: accept the request when any matches. Reject timestamps more than five minutes away, and use `webhook-id` to drop duplicates: a delivery may be retried.'}</P>
        <CodeBlock label="Verify with the Standard Webhooks library">{verifyExample}</CodeBlock>
        <CodeBlock label="Or by hand (Node.js)">{manualExample}</CodeBlock>
        <div className="overflow-x-auto rounded-md border border-slate-200">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Event types</caption>
            <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">Event type</th>
                <th scope="col" className="px-3 py-2 font-medium">Sent when</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {Object.entries(eventCatalogue).map(([type, meaning]) => (
                <tr key={type}>
                  <td className="px-3 py-2 whitespace-nowrap"><code className="font-mono">{type}</code></td>
                  <td className="px-3 py-2 text-slate-700"><InlineText text={meaning} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Topic>
      <Topic id="masking">
        <P>{'A masking session bridges two parties over a number of the client’s masking pool; a party reaches at most one open session through one pool number, so a pool needs as many numbers as its busiest party has sessions open at once (`409 pool_exhausted` says how many). Every call leg is a call record charged per started minute at your `masking_minute` retail price, once however often the carrier repeats its events, and announced as `call.completed`. Once a session has closed, both parties’ numbers are shown masked everywhere.'}</P>
        <P>{'In test mode `POST /masking_sessions/{session_id}/simulate_call` calls the virtual number from one party; the simulator’s answer depends on the numbers:'}</P>
        <div className="overflow-x-auto rounded-md border border-slate-200">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Call simulator magic values</caption>
            <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">Number</th>
                <th scope="col" className="px-3 py-2 font-medium">What happens</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {maskingMagicValues.map((magic) => (
                <tr key={magic.value}>
                  <td className="px-3 py-2 whitespace-nowrap">{magic.value}</td>
                  <td className="px-3 py-2 text-slate-700"><InlineText text={magic.effect} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Topic>
    </div>
  );
}
