import type { ReactNode } from 'react';
import { migrationGuide, type GuideRow } from '@/lib/compat/ivr/migration-guide';
import { CompatMigrationGuide, IntroCode, type CompatGuideRow } from './compat-migration-guide';

const conventions = [
  'Authenticate with `Authorization: Bearer sk_live_…` (or `sk_test_…` for the sandbox, where every code is `123456`): the same keys, scopes, rate limits, request log and audit trail as the REST API.',
  'Send fields as JSON or as a form (`application/x-www-form-urlencoded` or `multipart/form-data`). Numbers may be sent as strings or as numbers; an optional field sent empty counts as not sent. Fields beyond the documented ones are ignored.',
  '`client_id` is the client id (`cli_…`); `request_id` and `temp_client_id` are both the registration id (`reg_…`) that `register` returns.',
  'Errors are `{ "status", "message" }` with 400, 401, 404 or 405, the message naming each field at fault. Where there is more to say the answer carries `code`, a stable error code from the error catalogue: 409 (a conflict, such as a step out of order), 422, 429 (a limit, or a code locked after wrong attempts), and 401 for a key without the scope. Unknown paths answer 404 and a wrong method 405, in the same envelope.',
];

const envelopeExample = `{
  "status": 200,
  "message": "OTP sent to email and mobile",
  "data": { "request_id": "reg_01kaz3d4mqf2v8n6w0c1e5rj7t", "temp_client_id": "reg_01kaz3d4mqf2v8n6w0c1e5rj7t", … }
}`;

const errorExample = `{ "status": 409, "message": "email: A client with this e-mail address already exists.", "code": "conflict" }`;

const examples = [
  { label: 'Every answer', code: envelopeExample },
  { label: 'An error with more to say', code: errorExample },
];

/** An IVR Solutions endpoint as a card of the shared guide layout: an endpoint still coming has no REST operation yet. */
function card(row: GuideRow): CompatGuideRow {
  return {
    id: row.id,
    method: row.method,
    path: row.path,
    label: row.path,
    summary: row.summary,
    status: row.status,
    badge: row.status === 'available' ? { tone: 'available', text: 'Available' } : { tone: 'coming', text: `Coming with ${row.comesWith}` },
    rest: { operations: row.rest ? [row.rest] : [], scope: row.rest?.scope ?? null, none: 'none yet; until then it answers 501' },
    fields: row.fields.map((field) => ({ name: field.name, detail: `${field.type}${field.in === 'path' ? ', in the path' : ''}${field.ivrRequired ? ', required' : ''}`, note: field.ivrNote, to: field.to, difference: field.difference })),
    answer: row.data ? { heading: `: ${row.data.shape === 'list' ? 'a list, each item with' : 'an object with'} ${row.data.fields.length} fields`, fromHeading: 'From the REST resource', fields: row.data.fields } : null,
    differences: row.differences,
    example: row.example,
  };
}

/**
 * "Migrating from IVR Solutions": every endpoint of its partner API, what it maps to here and how each field
 * differs, rendered from the mapping table the /partnerclients routes dispatch from.
 */
export function MigrationGuide({ brand, productName, origin }: { brand: ReactNode; productName: string; origin: string }) {
  const guide = migrationGuide();
  return (
    <CompatMigrationGuide
      brand={brand}
      current="migration"
      title="Migrating from IVR Solutions"
      intro={
        <>
          Code written for the IVR Solutions partner API runs against {productName} by changing its base URL to{' '}
          <IntroCode>{origin}/partnerclients</IntroCode>. The same paths take the same fields and answer in the same envelope, with your {productName} API key. {guide.available} of its {guide.total} endpoints answer today; the others answer 501 until their capability arrives.
        </>
      }
      conventions={conventions}
      examples={examples}
      fieldHeading="IVR Solutions field"
      exampleLabel="IVR Solutions’ example body"
      groups={guide.groups.map((group) => ({ name: group.name, rows: group.rows.map(card) }))}
    />
  );
}
