import type { ReactNode } from 'react';
import { uchatMigrationGuide } from '@/lib/compat/uchat/migration-guide';
import { uchatPrefix } from '@/lib/compat/uchat/paths';
import { uchatEventNames } from '@/lib/compat/uchat/webhook-payload';
import { CompatMigrationGuide, IntroCode } from './compat-migration-guide';
import { jsonFaceGuideGroups } from './json-face-guide-rows';

const conventions = [
  'Send `Authorization: Bearer sk_live_…` (or `sk_test_…` for the sandbox): a partner API key made in the console, with the scopes each endpoint names. The same keys, rate limits, request log and audit trail as the REST API.',
  'Methods as UChat’s clients use them: GET for lists and `workspace/{workspaceId}`, DELETE on `workspace/{workspaceId}`, PUT for `change-plan`, POST for every other action. Bodies are JSON; send `Idempotency-Key` on POST, PUT and DELETE to make a retry safe.',
  'Lists page by number: `page` (from 1) and `per_page` (1 to 100, 10 by default); `meta` holds `current_page`, `per_page` and `total`.',
  'UChat publishes no error body, so errors use the same envelope: `{ "status": "error", "code", "message", "errors" }` with the HTTP status, a stable `code` from the error catalogue and per-field messages under UChat’s field names.',
  'Ids are this API’s: a workspace is `wsp_…`, its owner (a UChat user) is a client `cli_…`, a template `tpl_…`. Another partner’s id answers 404 `not_found`, as an unknown one does. Money is in paise (integers), INR.',
  'A client created with `workspace/create` is pending: it must finish onboarding and KYC (Indian rules) through the link e-mailed to it before numbers, wallet charges or signing in; the answer says so in `kyc_required` and `kyc`.',
];

const examples = [
  { label: 'An answer', code: `{ "status": "ok", "data": { "id": "wsp_01kaz3d4mqf2v8n6w0c1e5rj7t", "name": "Jane’s Agency", "owner_id": "cli_01kaz3d4mqf2v8n6w0c1e5rj7t", "plan": "pro", "auto_renew": 1, … } }` },
  { label: 'A list', code: `{ "status": "ok", "data": [ … ], "meta": { "current_page": 1, "per_page": 10, "total": 5 } }` },
  { label: 'An error', code: `{ "status": "error", "code": "validation_failed", "message": "email: email must be an e-mail address.", "errors": { "email": "email must be an e-mail address." } }` },
];

/**
 * "Migrating from UChat": every endpoint of its partner API, what it maps to here and how each field differs,
 * rendered from the mapping table the /api/partner routes dispatch from.
 */
export function UChatMigrationGuide({ brand, productName, origin }: { brand: ReactNode; productName: string; origin: string }) {
  const guide = uchatMigrationGuide();
  const events = Object.entries(uchatEventNames).map(([type, name]) => `\`${name}\` (from ${type})`).join(', ');
  return (
    <CompatMigrationGuide
      brand={brand}
      current="migration-uchat"
      title="Migrating from UChat"
      intro={
        <>
          Code written for UChat’s partner API runs against {productName} by changing its base URL from <IntroCode>https://[your custom domain]/api</IntroCode> to{' '}
          <IntroCode>{origin}/api</IntroCode> (the paths stay <IntroCode>{uchatPrefix}/…</IntroCode>), with a {productName} API key. All {guide.total} endpoints are below, each with the domain operation it runs and how every field differs.
        </>
      }
      conventions={conventions}
      examples={examples}
      webhooks={`\`set-webhook\` subscribes a URL to UChat’s workspace events: ${events}. Each delivery is UChat’s flat body (\`event_type\`, \`owner_id\`, \`owner_email\`, \`workspace_id\`, \`plan\`, \`auto_renew\` as 0/1, then the event’s own fields). Unlike UChat’s, deliveries are signed (Webhook-Id, Webhook-Timestamp, Webhook-Signature), retried with backoff and logged.`}
      fieldHeading="UChat field"
      exampleLabel="UChat’s example body"
      groups={jsonFaceGuideGroups(guide)}
    />
  );
}
