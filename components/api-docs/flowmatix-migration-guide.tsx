import type { ReactNode } from 'react';
import { flowmatixMigrationGuide } from '@/lib/compat/flowmatix/migration-guide';
import { flowmatixPrefix } from '@/lib/compat/flowmatix/paths';
import { tierLimits } from '@/lib/partners/tier-limits';
import { CompatMigrationGuide, IntroCode } from './compat-migration-guide';
import { jsonFaceGuideGroups } from './json-face-guide-rows';

const per = (n: number) => n.toLocaleString('en-IN');

const conventions = [
  'Send `Authorization: Bearer sk_live_…` (or `sk_test_…` for the sandbox) and `X-Partner-ID: ptn_…`, your partner id (GET /api/v1/partner answers it). Without X-Partner-ID the answer is 401 `partner_id_required`; naming another partner than the key’s, 403 `partner_mismatch`.',
  `The same keys, scopes, request log and audit trail as the REST API. Rate limits are per hour by tier, as Flowmatix’s: standard ${per(tierLimits.standard)}, premium ${per(tierLimits.premium)}, enterprise ${per(tierLimits.enterprise)}; every answer carries the RateLimit headers, and 429 \`rate_limited\` with Retry-After past it.`,
  'Bodies are JSON. Send `Idempotency-Key` on POST and PUT to make a retry safe. Ids are this API’s: a customer is a client (`cli_…`); another partner’s id answers 404 `not_found`, as an unknown one does.',
  'Flowmatix publishes no answer envelope, so answers are `{ "success": true, "data" }` (lists add `meta`), errors `{ "success": false, "error": { "code", "message", "fields" } }` with the HTTP status and a stable `code` from the error catalogue. Money is in paise (integers), INR.',
];

const examples = [
  { label: 'An answer', code: `{ "success": true, "data": { "customer_id": "cli_01kaz3d4mqf2v8n6w0c1e5rj7t", "company_name": "Acme Corporation", … } }` },
  { label: 'A list', code: `{ "success": true, "data": [ … ], "meta": { "limit": 20, "offset": 0, "has_more": false } }` },
  { label: 'An error', code: `{ "success": false, "error": { "code": "validation_failed", "message": "contact_email: contact_email must be an e-mail address.", "fields": { "contact_email": "contact_email must be an e-mail address." } } }` },
];

const webhooks =
  'Flowmatix names five partner events but no way to subscribe, so `POST webhooks` (below) is added: its endpoint receives `customer.created`, `customer.upgraded`, `customer.cancelled`, `commission.earned` and `invoice.generated` under those names, as `{ "id", "event", "created_at", "customer_id", "data" }`, signed with Standard Webhooks headers and retried with backoff.';

/**
 * "Migrating from Flowmatix": every endpoint of its partner API reference, what it maps to here and how each
 * field differs, rendered from the mapping table the /compat/flowmatix routes dispatch from.
 */
export function FlowmatixMigrationGuide({ brand, productName, origin }: { brand: ReactNode; productName: string; origin: string }) {
  const guide = flowmatixMigrationGuide();
  return (
    <CompatMigrationGuide
      brand={brand}
      current="migration-flowmatix"
      title="Migrating from Flowmatix"
      intro={
        <>
          Code written for the Flowmatix partner API runs against {productName} by changing its base URL from <IntroCode>…/api/v1/partners</IntroCode> to{' '}
          <IntroCode>{origin}{flowmatixPrefix}</IntroCode>, with your {productName} API key. Its {guide.total - 1} documented endpoints and one addition are below; {guide.refused} are refused with a stable code because {productName} brands per partner, not per client.
        </>
      }
      conventions={conventions}
      examples={examples}
      webhooks={webhooks}
      fieldHeading="Flowmatix field"
      exampleLabel="Flowmatix’s example body"
      groups={jsonFaceGuideGroups(guide)}
    />
  );
}
