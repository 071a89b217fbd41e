import { serveKeyedRequest } from '@/lib/api/keyed-request';
import { parseJson, readBodyBytes } from '@/lib/api/request-body';
import { AppError } from '@/lib/errors/app-error';
import { scopeOf, type UChatEndpoint } from './endpoint';
import { uchatEndpoints } from './endpoints';
import { uchatErrorResponse, uchatFace, uchatSuccess } from './envelope';
import { uchatGuidePath, uchatPrefix } from './paths';

/**
 * The UChat face: `/api/partner/<endpoint>` on every host, dispatched from the mapping table. Each request goes
 * through the same pipeline as /api/v1 (host, Bearer key, rate limit, scope, Idempotency-Key, request log) with
 * this face's envelope; each endpoint calls the domain function its REST operation calls.
 */

type Route = { endpoint: UChatEndpoint; pattern: RegExp; params: string[] };

const routes: Route[] = uchatEndpoints.map((endpoint) => {
  const params: string[] = [];
  const source = endpoint.path
    .split('/')
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment)?.[1];
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      params.push(param);
      return '([^/]+)';
    })
    .join('/');
  return { endpoint, pattern: new RegExp(`^${source}$`), params };
});

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function match(path: string): { endpoints: UChatEndpoint[]; params: Record<string, string> } | null {
  const found: UChatEndpoint[] = [];
  let params: Record<string, string> = {};
  for (const route of routes) {
    const matched = route.pattern.exec(path);
    if (!matched) continue;
    const values = matched.slice(1).map(decode);
    if (values.some((value) => value === null)) continue;
    found.push(route.endpoint);
    params = Object.fromEntries(route.params.map((name, i) => [name, values[i]!]));
  }
  return found.length ? { endpoints: found, params } : null;
}

const allowOf = (endpoints: UChatEndpoint[]) => [...new Set([...endpoints.map((e) => e.method), ...(endpoints.some((e) => e.method === 'GET') ? ['HEAD'] : []), 'OPTIONS'])].sort().join(', ');

/** Switchboard's field names in domain errors, back to the ones a UChat client sent. */
const uchatNames: Record<string, string> = { client_id: 'user_id', clientId: 'user_id', workspace_id: 'workspaceId', plan_id: 'plan', planId: 'plan', addon_id: 'addon', addonId: 'addon', quantity: 'quantity', event_types: 'events', eventTypes: 'events', template_id: 'template_ns', legalName: 'company_name', addressLine1: 'address', addressLine2: 'address_2', pincode: 'zip', gstin: 'tax_id' };
const toUChatName = (field: string) => uchatNames[field] ?? field;

/** Path parameters, the query string, and for POST and PUT the JSON body, as one set of fields. */
async function readInput(request: Request, params: Record<string, string>): Promise<{ fields: Record<string, unknown>; bodyText: string }> {
  const query = Object.fromEntries(new URL(request.url).searchParams.entries());
  if (request.method === 'GET' || request.method === 'HEAD') return { fields: { ...query, ...params }, bodyText: '' };
  const text = (await readBodyBytes(request)).toString('utf8');
  if (text.trim() === '') return { fields: { ...params }, bodyText: '' };
  const contentType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (contentType && contentType !== 'application/json' && !contentType.endsWith('+json') && contentType !== 'text/plain') {
    throw new AppError('unsupported_media_type', `Send the body as JSON (Content-Type: application/json), not ${contentType}.`);
  }
  const value = parseJson(text);
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new AppError('validation_failed', 'Send the fields as a JSON object.');
  // Path parameters win: a body cannot point the request at another workspace than its URL names.
  return { fields: { ...(value as Record<string, unknown>), ...params }, bodyText: text };
}

export async function serveUChatRequest(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  const relative = pathname.slice(uchatPrefix.length).replace(/^\/+/, '').replace(/\/+$/, '');
  const found = pathname.startsWith(uchatPrefix) ? match(relative) : null;
  if (!found) return uchatErrorResponse(new AppError('route_not_found', `No UChat partner endpoint at ${pathname}; ${uchatGuidePath} lists them all.`));
  const method = request.method === 'HEAD' ? 'GET' : request.method;
  if (method === 'OPTIONS') return new Response(null, { status: 204, headers: { Allow: allowOf(found.endpoints) } });
  const endpoint = found.endpoints.find((e) => e.method === method);
  if (!endpoint) {
    const allowed = found.endpoints.map((e) => e.method).join(' or ');
    return uchatErrorResponse(new AppError('method_not_allowed', `${request.method} is not allowed on ${pathname}; use ${allowed}.`, undefined, { Allow: allowOf(found.endpoints) }));
  }
  const label = `${endpoint.method} ${uchatPrefix}/${endpoint.path}`;
  return serveKeyedRequest(request, {
    face: uchatFace(toUChatName),
    scope: scopeOf(endpoint),
    label,
    idempotent: endpoint.method !== 'GET',
    prepare: async (ctx) => {
      if (endpoint.status === 'refused') {
        await endpoint.check?.(ctx, found.params);
        throw new AppError(endpoint.code, endpoint.reason);
      }
      const { fields, bodyText } = await readInput(request, found.params);
      const input = endpoint.parse(fields);
      return {
        bodyText,
        run: async () => {
          const { status, data, meta } = await endpoint.serve(ctx, input);
          return { status, body: uchatSuccess(data, meta) };
        },
      };
    },
  });
}

type Handler = (request: Request) => Promise<Response>;

/** The exports of the catch-all route file: every method comes here (HEAD is Next's GET). */
export const uchatRouteHandlers: Record<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS', Handler> = {
  GET: serveUChatRequest,
  POST: serveUChatRequest,
  PUT: serveUChatRequest,
  PATCH: serveUChatRequest,
  DELETE: serveUChatRequest,
  OPTIONS: serveUChatRequest,
};
