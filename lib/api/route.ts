import { z } from 'zod';
import { requestOrigin } from '@/lib/http/request-info';
import type { ApiCtx } from '@/lib/audit/context';
import { serveKeyedRequest, type ApiFace } from './keyed-request';
import type { ApiOperation, HttpMethod } from './operation';
import { problemFor } from './problem';
import { readJsonBody } from './request-body';
import { allowedMethodsResponse, methodNotAllowed } from './unrouted';
import { validatePart } from './validate';

type RouteContext = { params: Promise<Record<string, string | string[]>> };
type NextHandler = (request: Request, context: RouteContext) => Promise<Response>;

export type OperationInput<Op extends ApiOperation> = {
  ctx: ApiCtx;
  params: Op extends { params: infer S extends z.ZodType } ? z.output<S> : Record<string, never>;
  query: Op extends { query: infer S extends z.ZodType } ? z.output<S> : Record<string, never>;
  body: Op extends { body: infer S extends z.ZodType } ? z.output<S> : undefined;
  request: Request;
};

const mutating = new Set<HttpMethod>(['POST', 'PATCH', 'PUT', 'DELETE']);

/** The REST face: every error is RFC 9457 problem details with the stable code. */
export const restFace: ApiFace = {
  errorContentType: 'application/problem+json',
  error(error, request, requestId) {
    const problem = problemFor(error, requestOrigin(request), requestId);
    return { status: problem.body.status, code: problem.body.code, body: problem.body, headers: problem.headers };
  },
};

async function parseRequest(operation: ApiOperation, request: Request, url: URL, context: RouteContext) {
  const params = operation.params ? validatePart(operation.params, await context.params, 'path') : {};
  const query = operation.query ? validatePart(operation.query, Object.fromEntries(url.searchParams), 'query') : {};
  if (!operation.query && [...url.searchParams.keys()].length) validatePart(emptyStrict, Object.fromEntries(url.searchParams), 'query');
  let body: unknown;
  let bodyText = '';
  if (operation.method !== 'GET') {
    const read = await readJsonBody(request, operation.maxBodyBytes);
    bodyText = read.text;
    body = operation.body ? validatePart(operation.body, read.value ?? {}, '') : undefined;
    if (!operation.body && read.value !== undefined) validatePart(emptyStrict, read.value, '');
  }
  return { params, query, body, bodyText };
}

/** Operations without a query or body still refuse fields they would silently ignore. */
const emptyStrict = z.strictObject({});

/** Plain JSON (dates as ISO strings) run through the response schema, so nothing undeclared leaves. */
function serialise(operation: ApiOperation, result: unknown): unknown {
  if (operation.response.status === 204) return undefined;
  return operation.response.schema.parse(JSON.parse(JSON.stringify(result ?? null)));
}

/**
 * Wraps one operation's handler with everything every REST operation does (see serveKeyedRequest: host, key,
 * X-Partner-ID, rate limit, scope, Idempotency-Key, logging), validating path, query and body with the
 * operation's schemas, serialising through its response schema, and answering errors as problem+json.
 */
export function apiRoute<Op extends ApiOperation>(operation: Op, handler: (input: OperationInput<Op>) => Promise<unknown>): NextHandler {
  return (request, context) =>
    serveKeyedRequest(request, {
      face: restFace,
      scope: operation.scope,
      label: `${operation.method} ${operation.path}`,
      idempotent: mutating.has(operation.method),
      prepare: async (ctx) => {
        const parsed = await parseRequest(operation, request, new URL(request.url), context);
        return {
          bodyText: parsed.bodyText,
          run: async () => {
            const result = await handler({ ctx, params: parsed.params, query: parsed.query, body: parsed.body, request } as OperationInput<Op>);
            return { status: operation.response.status, body: serialise(operation, result) };
          },
        };
      },
    });
}

/**
 * A GET operation answered with a stream (server-sent events) instead of JSON: the same key pipeline (host, key,
 * scope, rate limit — counted once per connection — and logging), the handler returning the Response.
 */
export function apiStreamRoute<Op extends ApiOperation>(operation: Op, handler: (input: OperationInput<Op>) => Promise<Response>): NextHandler {
  return (request, context) =>
    serveKeyedRequest(request, {
      face: restFace,
      scope: operation.scope,
      label: `${operation.method} ${operation.path}`,
      idempotent: false,
      prepare: async (ctx) => {
        const parsed = await parseRequest(operation, request, new URL(request.url), context);
        return {
          bodyText: '',
          run: async () => ({ status: 200, body: null, response: await handler({ ctx, params: parsed.params, query: parsed.query, body: parsed.body, request } as OperationInput<Op>) }),
        };
      },
    });
}

const allMethods: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

type RouteExports = Record<HttpMethod | 'OPTIONS', NextHandler>;

/**
 * The exports of one route file: the given methods, a 405 problem with `Allow` for the others (Next would
 * otherwise answer them with an empty 405), and OPTIONS with the same `Allow` (Next's own would list every
 * exported method, the 405 ones included).
 */
export function apiRoutes(handlers: Partial<Record<HttpMethod, NextHandler>>): RouteExports {
  const served = allMethods.filter((method) => handlers[method]);
  const notAllowed: NextHandler = async (request) => methodNotAllowed(request, served);
  const options: NextHandler = async () => allowedMethodsResponse(served);
  return { ...(Object.fromEntries(allMethods.map((method) => [method, handlers[method] ?? notAllowed])) as Record<HttpMethod, NextHandler>), OPTIONS: options };
}
