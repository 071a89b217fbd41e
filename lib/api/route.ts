import { z } from 'zod';
import { ApiKeyRefused, authenticateApiKey, type AuthenticatedKey } from '@/lib/api-keys/authenticate-api-key';
import { noteKeyUsed } from '@/lib/api-keys/last-used';
import { hasScope } from '@/lib/api-keys/scopes';
import { AppError } from '@/lib/errors/app-error';
import { clientIp, requestOrigin } from '@/lib/http/request-info';
import { newId } from '@/lib/ids';
import { logger } from '@/lib/log/logger';
import { safeErrorStack } from '@/lib/log/safe-error';
import type { ApiCtx } from '@/lib/audit/context';
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey, requestDigest, type IdempotencyLock, type StoredResponse } from './idempotency';
import type { ApiOperation, HttpMethod } from './operation';
import { bearerToken } from './bearer-token';
import { problemFor } from './problem';
import { tierLimits } from '@/lib/partners/tier-limits';
import { consumeRateLimit, rateLimitedError, rateLimitHeaders } from './rate-limit';
import { readJsonBody } from './request-body';
import { recordApiRequest, refusalWorthLogging } from './request-log';
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

// ——— the steps, each small and on its own ———

function checkPartnerHeader(request: Request, key: AuthenticatedKey) {
  const claimed = request.headers.get('x-partner-id');
  if (claimed && claimed !== key.livePartnerId && claimed !== key.partnerId) {
    throw new AppError('partner_mismatch', `X-Partner-ID ${claimed} does not match the partner of this API key.`);
  }
}

function checkScope(key: AuthenticatedKey, operation: ApiOperation) {
  if (operation.scope && !hasScope(key.scopes, operation.scope)) {
    throw new AppError('insufficient_scope', `This API key lacks the ${operation.scope} scope that ${operation.method} ${operation.path} needs.`);
  }
}

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

function jsonResponse(stored: StoredResponse, headers: Record<string, string>): Response {
  if (stored.status === 204) return new Response(null, { status: 204, headers });
  return new Response(JSON.stringify(stored.body), { status: stored.status, headers: { 'Content-Type': 'application/json', ...headers } });
}

// ——— the composition ———

/**
 * Wraps one operation's handler with everything every REST operation does, in this order: authenticate the
 * key, check X-Partner-ID, count the request against the partner's rate limit, check the scope, validate path,
 * query and body, honour Idempotency-Key, call the handler, serialise, map errors to problem+json, and log one
 * line.
 */
export function apiRoute<Op extends ApiOperation>(operation: Op, handler: (input: OperationInput<Op>) => Promise<unknown>): NextHandler {
  return async (request, context) => {
    const started = performance.now();
    const requestId = newId('apiRequest');
    const url = new URL(request.url);
    const headers: Record<string, string> = { 'X-Request-Id': requestId };
    let key: AuthenticatedKey | undefined;
    let status = 500;
    let errorCode: string | undefined;
    try {
      key = await authenticateApiKey(bearerToken(request.headers.get('authorization')));
      checkPartnerHeader(request, key);
      // Counted per acting partner, so a sandbox has a budget apart from its live partner's (as Stripe's test
      // mode does): a runaway test suite cannot starve live traffic. The size is the live partner's.
      const limit = await consumeRateLimit(key.partnerId, key.rateLimitPerHour ?? tierLimits[key.tier]);
      Object.assign(headers, rateLimitHeaders(limit));
      if (!limit.allowed) throw rateLimitedError(limit);
      checkScope(key, operation);
      noteKeyUsed(key.id);

      const parsed = await parseRequest(operation, request, url, context);
      const ctx: ApiCtx = {
        partnerId: key.partnerId,
        livePartnerId: key.livePartnerId,
        environment: key.mode,
        apiKeyId: key.id,
        scopes: key.scopes,
        requestId,
        ip: clientIp(request.headers),
        actor: { type: 'api_key', id: key.id, partnerId: key.partnerId },
      };
      const run = async (): Promise<StoredResponse> => {
        const result = await handler({ ctx, params: parsed.params, query: parsed.query, body: parsed.body, request } as OperationInput<Op>);
        return { status: operation.response.status, body: serialise(operation, result) };
      };

      const idempotencyKey = mutating.has(operation.method) ? request.headers.get('idempotency-key') : null;
      let stored: StoredResponse;
      if (idempotencyKey) {
        const claim = { partnerId: key.partnerId, key: idempotencyKey, method: operation.method, path: url.pathname, digest: '' };
        claim.digest = requestDigest(claim.method, claim.path, parsed.bodyText);
        const claimed = await claimIdempotencyKey(claim);
        if (claimed.replay) {
          headers['Idempotent-Replayed'] = 'true';
          stored = claimed.replay;
        } else {
          stored = await runIdempotent(run, claimed.lock, request, requestId);
        }
      } else {
        stored = await run();
      }
      status = stored.status;
      if (stored.status >= 400) errorCode = (stored.body as { code?: string })?.code;
      return stored.status >= 400 ? problemReplay(stored, headers) : jsonResponse(stored, headers);
    } catch (error) {
      // A known key refused (revoked, expired) is logged against its partner, at most once a second; an unknown
      // one has nobody to tell.
      if (error instanceof ApiKeyRefused && refusalWorthLogging(error.key.id)) key = error.key;
      const problem = problemFor(error, requestOrigin(request), requestId);
      status = problem.body.status;
      errorCode = problem.body.code;
      if (status >= 500) logger.error('api request failed', { requestId, error: safeErrorStack(error) });
      return new Response(JSON.stringify(problem.body), { status, headers: { 'Content-Type': 'application/problem+json', ...headers, ...problem.headers } });
    } finally {
      const durationMs = Math.round(performance.now() - started);
      const path = url.pathname;
      logger.info('api', { requestId, method: request.method, path, status, durationMs, partnerId: key?.partnerId, apiKeyId: key?.id, errorCode });
      if (key) recordApiRequest({ partnerId: key.partnerId, apiKeyId: key.id, method: request.method, path, status, durationMs, requestId, errorCode: errorCode ?? null });
    }
  };
}

function problemReplay(stored: StoredResponse, headers: Record<string, string>): Response {
  return new Response(JSON.stringify(stored.body), { status: stored.status, headers: { 'Content-Type': 'application/problem+json', ...headers } });
}

/**
 * Runs a request that holds an idempotency claim: its answer is stored (errors the client caused included, so
 * a retry sees the same), except failures on our side, which release the key so a retry can succeed.
 */
async function runIdempotent(run: () => Promise<StoredResponse>, lock: IdempotencyLock, request: Request, requestId: string): Promise<StoredResponse> {
  let stored: StoredResponse;
  try {
    stored = await run();
  } catch (error) {
    const problem = problemFor(error, requestOrigin(request), requestId);
    if (problem.body.status >= 500) {
      await releaseIdempotencyKey(lock);
      throw error;
    }
    stored = { status: problem.body.status, body: problem.body };
  }
  await completeIdempotencyKey(lock, stored);
  return stored;
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
