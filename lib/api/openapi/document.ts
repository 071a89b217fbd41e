import 'zod-openapi';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import { errorCatalogue, type ErrorCode } from '@/lib/errors/catalogue';
import { alsoGrantedBy } from '@/lib/api-keys/scopes';
import { commonErrors, type ApiOperation } from '../operation';
import { problemSchema } from '../schemas';
import { allOperations } from './registry';

function problemExample(code: ErrorCode) {
  const entry = errorCatalogue[code];
  return { type: `/docs/api/errors#${code}`, title: entry.title, status: entry.status, detail: entry.description, code, request_id: 'req_01kaz3d4mqf2v8n6w0c1e5rj7t' };
}

/** Error responses grouped by status, each with one example per code. */
function errorResponses(operation: ApiOperation) {
  const codes = new Set<ErrorCode>([...commonErrors, ...(operation.errors ?? [])]);
  if (operation.params || operation.query || operation.body) codes.add('validation_failed').add('unknown_fields');
  if (operation.body) codes.add('invalid_json').add('unsupported_media_type').add('payload_too_large');
  if (operation.method !== 'GET') codes.add('idempotency_key_reused').add('idempotency_in_progress');
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(errorCatalogue[code].status, [...(byStatus.get(errorCatalogue[code].status) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, group]) => [
      String(status),
      {
        description: group.map((code) => `\`${code}\`: ${errorCatalogue[code].title}`).join('; '),
        content: { 'application/problem+json': { schema: problemSchema, examples: Object.fromEntries(group.map((code) => [code, { value: problemExample(code) }])) } },
      },
    ]),
  );
}

const rateLimitHeaders = {
  RateLimit: { description: 'What is left of the hourly limit (IETF RateLimit header fields).', schema: { type: 'string' as const, example: '"hourly";r=4999;t=1800' } },
  'RateLimit-Policy': { description: 'The hourly limit of this partner, in the key’s mode (live and test are counted apart).', schema: { type: 'string' as const, example: '"hourly";q=5000;w=3600' } },
  'X-Request-Id': { description: 'Quote it when asking for support.', schema: { type: 'string' as const } },
};

function toOpenApiOperation(operation: ApiOperation): ZodOpenApiOperationObject {
  // Params and query are always strict zod objects (see the operations); the cast only tells TypeScript so.
  const requestParams = { ...(operation.params ? { path: operation.params } : {}), ...(operation.query ? { query: operation.query } : {}) } as ZodOpenApiOperationObject['requestParams'];
  const alternatives = operation.scope ? (alsoGrantedBy[operation.scope] ?? []) : [];
  const scopeNote = operation.scope ? `\n\nRequires the \`${operation.scope}\` scope.${alternatives.length ? ` ${alternatives.map((s) => `\`${s}\``).join(' and ')} grant it too.` : ''}` : '';
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    description: `${operation.description}${scopeNote}${operation.method === 'GET' ? '' : '\n\nSend an `Idempotency-Key` header to make retries safe: the same key and body replay the first answer for 24 hours.'}`,
    tags: [operation.tag],
    // Bearer "scopes" are roles in OpenAPI 3.1 terms: the reference and tools read the needed scope from here.
    // One requirement per scope that grants the operation (OpenAPI reads the list as "any of").
    security: [{ bearerAuth: operation.scope ? [operation.scope] : [] }, ...alternatives.map((scope) => ({ bearerAuth: [scope] }))],
    ...(operation.params || operation.query ? { requestParams } : {}),
    ...(operation.method === 'GET'
      ? {}
      : { parameters: [{ in: 'header' as const, name: 'Idempotency-Key', required: false, schema: { type: 'string' as const, maxLength: 255 }, description: 'Any unique string, e.g. a UUID.' }] }),
    ...(operation.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: operation.body, ...(operation.bodyExample ? { example: operation.bodyExample } : {}) } } } }
      : {}),
    responses: {
      [String(operation.response.status)]: {
        description: operation.response.description,
        headers: rateLimitHeaders,
        ...(operation.response.status === 204 ? {} : { content: { [operation.response.contentType ?? 'application/json']: { schema: operation.response.schema, example: operation.response.example } } }),
      },
      ...errorResponses(operation),
    },
  };
}

let cached: ReturnType<typeof createDocument> | undefined;

/** The OpenAPI 3.1 document of the partner REST API, built from the operations the routes run. */
export function openApiDocument() {
  if (cached) return cached;
  const paths: ZodOpenApiPathsObject = {};
  // Sorted, because the order of a module's exports differs between loaders (tsx, vitest, Next), and the
  // document and the client types generated from it must come out the same everywhere.
  const ordered = [...allOperations].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  for (const operation of ordered) {
    paths[operation.path] ??= {};
    (paths[operation.path] as Record<string, ZodOpenApiOperationObject>)[operation.method.toLowerCase()] = toOpenApiOperation(operation);
  }
  cached = createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Partner API',
      version: '1.0.0',
      description:
        'Everything a partner does in the console, for its own systems. Authenticate with `Authorization: Bearer <key>`: `sk_live_…` keys act on the live account, `sk_test_…` keys on its sandbox. Errors are RFC 9457 problem details with a stable `code`; lists are cursor-paginated; every response carries RateLimit headers. The hourly rate limit is counted separately for live and test mode: `sk_test_…` keys have a budget of their own, of the same size, so tests never use up what live traffic needs.',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearerAuth: [] }],
    components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'A partner API key (sk_live_… or sk_test_…).' } } },
    paths,
  });
  return cached;
}
