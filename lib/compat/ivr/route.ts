import { serveKeyedRequest } from '@/lib/api/keyed-request';
import { AppError } from '@/lib/errors/app-error';
import { scopeOf, type IvrEndpoint } from './endpoint';
import { ivrErrorResponse, ivrFace, ivrSuccess } from './envelope';
import { ivrEndpoints } from './endpoints';
import { ivrOutsidePaths, ivrPrefix, migrationGuidePath } from './paths';
import { readIvrInput } from './read-input';

/**
 * The IVR Solutions face: `/partnerclients/<endpoint>` on every host, dispatched from the mapping table. Each
 * request goes through the same pipeline as /api/v1 (host, key, rate limit, scope, Idempotency-Key, request log)
 * with IVR Solutions' envelope for answers and errors; each available endpoint calls the domain function its
 * REST operation calls.
 */

type Route = { endpoint: IvrEndpoint; pattern: RegExp; params: string[] };

const routes: Route[] = ivrEndpoints.map((endpoint) => {
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

/** The endpoints at a path (one per method), with the path's parameters. */
function match(path: string): { endpoints: IvrEndpoint[]; params: Record<string, string> } | null {
  const found: IvrEndpoint[] = [];
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

const allowOf = (endpoints: IvrEndpoint[]) => [...new Set([...endpoints.map((e) => e.method), ...(endpoints.some((e) => e.method === 'GET') ? ['HEAD'] : []), 'OPTIONS'])].sort().join(', ');

/** Field names the domain reports (Switchboard's), back to the ones the client sent (IVR Solutions'). */
function ivrNames(endpoint: IvrEndpoint): (field: string) => string {
  if (endpoint.status !== 'available') return (field) => field;
  const names = new Map(Object.entries(endpoint.fields).map(([name, field]) => [field.to, name]));
  return (field) => names.get(field) ?? field;
}

export async function serveIvrRequest(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  const relative = ivrOutsidePaths[pathname.replace(/\/+$/, '')] ?? pathname.slice(ivrPrefix.length);
  const found = match(relative.replace(/^\/+/, '').replace(/\/+$/, ''));
  if (!found) return ivrErrorResponse(new AppError('route_not_found', `No IVR Solutions endpoint at ${pathname}; ${migrationGuidePath} lists them all.`));
  const method = request.method === 'HEAD' ? 'GET' : request.method;
  if (method === 'OPTIONS') return new Response(null, { status: 204, headers: { Allow: allowOf(found.endpoints) } });
  const endpoint = found.endpoints.find((e) => e.method === method);
  if (!endpoint) {
    const allowed = found.endpoints.map((e) => e.method).join(' or ');
    return ivrErrorResponse(new AppError('method_not_allowed', `${request.method} is not allowed on ${pathname}; use ${allowed}.`, undefined, { Allow: allowOf(found.endpoints) }));
  }
  const label = `${endpoint.method} ${ivrPrefix}/${endpoint.path}`;
  return serveKeyedRequest(request, {
    face: ivrFace(ivrNames(endpoint)),
    scope: scopeOf(endpoint),
    label,
    idempotent: endpoint.method === 'POST',
    prepare: async (ctx) => {
      if (endpoint.status === 'coming') {
        throw new AppError('not_implemented', `${label} (${endpoint.summary}) is not available yet; ${migrationGuidePath} lists what is.`);
      }
      const { fields, bodyText } = await readIvrInput(request, found.params);
      const input = endpoint.parse(fields);
      return {
        bodyText,
        run: async () => {
          const { message, data } = await endpoint.serve(ctx, input);
          return { status: 200, body: ivrSuccess(message, data) };
        },
      };
    },
  });
}

type Handler = (request: Request) => Promise<Response>;

/** The exports of the catch-all route file: every method comes here (HEAD is Next's GET). */
export const ivrRouteHandlers: Record<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS', Handler> = {
  GET: serveIvrRequest,
  POST: serveIvrRequest,
  PUT: serveIvrRequest,
  PATCH: serveIvrRequest,
  DELETE: serveIvrRequest,
  OPTIONS: serveIvrRequest,
};
