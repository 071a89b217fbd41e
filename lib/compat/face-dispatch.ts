import { serveKeyedRequest, type ApiFace, type KeyedRequest } from '@/lib/api/keyed-request';
import type { Scope } from '@/lib/api-keys/scopes';
import type { ApiCtx } from '@/lib/audit/context';
import { AppError } from '@/lib/errors/app-error';

/**
 * The dispatch every compatibility face shares (IVR Solutions, UChat, Flowmatix): a request's path is matched
 * against the face's mapping table, OPTIONS and wrong methods are answered here, and a matched endpoint goes
 * through the same pipeline as /api/v1 (host, key, rate limit, scope, Idempotency-Key, request log). A face says
 * only where it answers, how its errors read, and how one of its endpoints reads its input and answers.
 */

/** What dispatch needs of a mapping-table entry: its method, and its path under the face's prefix with `{param}` placeholders. */
export type RoutedEndpoint = { method: string; path: string };

export type FaceDispatch<E extends RoutedEndpoint> = {
  endpoints: E[];
  /** Where the face answers; labels name an endpoint as `<method> <prefix>/<path>`. */
  prefix: string;
  /** The request's path under the prefix, or null when it is not one of this face's. */
  locate(pathname: string): string | null;
  /** How an unknown path is named in its 404: "No <name> endpoint at …". */
  name: string;
  guidePath: string;
  /** An answer outside the key pipeline (unknown path, wrong method), in the face's envelope. */
  errorResponse(error: AppError): Response;
  face(endpoint: E): ApiFace;
  scope(endpoint: E): Scope | null;
  /** Reads and validates the request for one endpoint, and returns the work that answers it (see KeyedRequest). */
  prepare(ctx: ApiCtx, endpoint: E, request: Request, params: Record<string, string>, label: string): ReturnType<KeyedRequest['prepare']>;
};

type Handler = (request: Request) => Promise<Response>;
export type RouteHandlers = Record<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS', Handler>;

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function routesOf<E extends RoutedEndpoint>(endpoints: E[]): { endpoint: E; pattern: RegExp; params: string[] }[] {
  return endpoints.map((endpoint) => {
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
}

const allowOf = (endpoints: RoutedEndpoint[]) => [...new Set([...endpoints.map((e) => e.method), ...(endpoints.some((e) => e.method === 'GET') ? ['HEAD'] : []), 'OPTIONS'])].sort().join(', ');

/** The exports of a face's catch-all route file: every method comes here (HEAD is Next's GET). */
export function faceRouteHandlers<E extends RoutedEndpoint>(dispatch: FaceDispatch<E>): RouteHandlers {
  const routes = routesOf(dispatch.endpoints);

  /** The endpoints at a path (one per method), with the path's parameters. */
  function match(path: string): { endpoints: E[]; params: Record<string, string> } | null {
    const found: E[] = [];
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

  async function serve(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url);
    const relative = dispatch.locate(pathname);
    const found = relative === null ? null : match(relative.replace(/^\/+/, '').replace(/\/+$/, ''));
    if (!found) return dispatch.errorResponse(new AppError('route_not_found', `No ${dispatch.name} endpoint at ${pathname}; ${dispatch.guidePath} lists them all.`));
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    if (method === 'OPTIONS') return new Response(null, { status: 204, headers: { Allow: allowOf(found.endpoints) } });
    const endpoint = found.endpoints.find((e) => e.method === method);
    if (!endpoint) {
      const allowed = found.endpoints.map((e) => e.method).join(' or ');
      return dispatch.errorResponse(new AppError('method_not_allowed', `${request.method} is not allowed on ${pathname}; use ${allowed}.`, undefined, { Allow: allowOf(found.endpoints) }));
    }
    const label = `${endpoint.method} ${dispatch.prefix}/${endpoint.path}`;
    return serveKeyedRequest(request, {
      face: dispatch.face(endpoint),
      scope: dispatch.scope(endpoint),
      label,
      // Every method that changes something honours an Idempotency-Key (IVR Solutions' endpoints are GET or POST).
      idempotent: endpoint.method !== 'GET',
      prepare: (ctx) => dispatch.prepare(ctx, endpoint, request, found.params, label),
    });
  }

  return { GET: serve, POST: serve, PUT: serve, PATCH: serve, DELETE: serve, OPTIONS: serve };
}
