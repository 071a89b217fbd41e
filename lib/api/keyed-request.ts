import { ApiKeyRefused, authenticateApiKey, type AuthenticatedKey } from '@/lib/api-keys/authenticate-api-key';
import { noteKeyUsed } from '@/lib/api-keys/last-used';
import { hasScope, type Scope } from '@/lib/api-keys/scopes';
import type { ApiCtx } from '@/lib/audit/context';
import { AppError, type ErrorCode } from '@/lib/errors/app-error';
import { normaliseHostname } from '@/lib/http/hostname';
import { clientIp } from '@/lib/http/request-info';
import { newId } from '@/lib/ids';
import { logger } from '@/lib/log/logger';
import { safeErrorStack } from '@/lib/log/safe-error';
import { tierLimits } from '@/lib/partners/tier-limits';
import { atTestClock } from '@/lib/sandbox/test-clock';
import { resolveHost } from '@/lib/tenancy/resolve-host';
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey, requestDigest, type IdempotencyLock, type StoredResponse } from './idempotency';
import { consumeRateLimit, rateLimitedError, rateLimitHeaders } from './rate-limit';
import { recordApiRequest, refusalWorthLogging } from './request-log';
import { bearerToken } from './bearer-token';

/**
 * Every request made with a partner API key goes through here, whichever face it came in by (the REST API at
 * /api/v1, or a compatibility face such as /partnerclients): the same host check, key, rate limit, scope,
 * Idempotency-Key, request log and context. A face only says how its answers read (`ApiFace`) and how its
 * request is parsed and run (`prepare`).
 */

/** An error as one face answers it: the HTTP status, the body, its headers, and the stable code for the log. */
export type FaceError = { status: number; code: ErrorCode; body: unknown; headers: Record<string, string> };

export type ApiFace = {
  /** Turns any thrown error into this face's answer; unknown errors must say nothing about their cause. */
  error(error: unknown, request: Request, requestId: string): FaceError;
  /** The Content-Type of an error body (problem+json for REST). */
  errorContentType: string;
};

export type KeyedRequest = {
  face: ApiFace;
  /** The scope the key needs; null when any valid key may call. */
  scope: Scope | null;
  /** Names the operation when a key lacks its scope, e.g. "GET /clients". */
  label: string;
  /** Whether an Idempotency-Key is honoured (the methods that change something). */
  idempotent: boolean;
  /**
   * Reads and validates the request once the key is accepted (invalid input is answered without claiming the
   * Idempotency-Key), and returns the body text the key's digest covers and the work to run.
   */
  prepare(ctx: ApiCtx): Promise<{ bodyText: string; run(): Promise<KeyedAnswer> }>;
};

// ——— the steps, each small and on its own ———

/**
 * The partner whose host the request came to: null on the platform host (which answers every partner's keys).
 * An unknown host, or a custom domain not verified yet, serves nobody's API.
 */
export async function hostPartner(request: Request): Promise<{ partnerId: string; hostname: string } | null> {
  // Every HTTP/1.1 request has a Host header; a Request built in-process (tests, benchmarks) has only its URL.
  const host = request.headers.get('host') ?? new URL(request.url).host;
  const resolved = await resolveHost(host);
  if (resolved.kind === 'platform') return null;
  if (resolved.kind === 'unknown') throw new AppError('host_not_found', `${normaliseHostname(host) ?? 'This host'} serves no partner: it is unknown, or its custom domain is not verified yet.`);
  return { partnerId: resolved.tenant.partnerId, hostname: resolved.tenant.hostname };
}

/** On a partner's host only that partner's keys work, so one partner's API is never reached through another's domain. */
function checkKeyHost(key: AuthenticatedKey, host: { partnerId: string; hostname: string } | null) {
  if (host && host.partnerId !== key.livePartnerId) {
    throw new AppError('host_mismatch', `This API key belongs to another partner than the one ${host.hostname} serves; call your own host, or the platform host.`);
  }
}

function checkPartnerHeader(request: Request, key: AuthenticatedKey) {
  const claimed = request.headers.get('x-partner-id');
  if (claimed && claimed !== key.livePartnerId && claimed !== key.partnerId) {
    throw new AppError('partner_mismatch', `X-Partner-ID ${claimed} does not match the partner of this API key.`);
  }
}

function checkScope(key: AuthenticatedKey, scope: Scope | null, label: string) {
  if (scope && !hasScope(key.scopes, scope)) {
    throw new AppError('insufficient_scope', `This API key lacks the ${scope} scope that ${label} needs.`);
  }
}

function contextOf(key: AuthenticatedKey, request: Request, requestId: string): ApiCtx {
  return {
    partnerId: key.partnerId,
    livePartnerId: key.livePartnerId,
    environment: key.mode,
    apiKeyId: key.id,
    scopes: key.scopes,
    requestId,
    ip: clientIp(request.headers),
    actor: { type: 'api_key', id: key.id, partnerId: key.partnerId },
  };
}

/** What a run answers: a body to serialise, or (for a GET stream, never stored for idempotency) a ready response. */
export type KeyedAnswer = StoredResponse & { response?: Response };

function answer(stored: KeyedAnswer, headers: Record<string, string>, face: ApiFace): Response {
  if (stored.response) {
    for (const [name, value] of Object.entries(headers)) stored.response.headers.set(name, value);
    return stored.response;
  }
  if (stored.status === 204) return new Response(null, { status: 204, headers });
  const contentType = stored.status >= 400 ? face.errorContentType : 'application/json';
  return new Response(JSON.stringify(stored.body), { status: stored.status, headers: { 'Content-Type': contentType, ...headers } });
}

/**
 * Runs a request that holds an idempotency claim: its answer is stored (errors the client caused included, so
 * a retry sees the same), except failures on our side, which release the key so a retry can succeed.
 */
async function runIdempotent(run: () => Promise<StoredResponse>, lock: IdempotencyLock, face: ApiFace, request: Request, requestId: string): Promise<StoredResponse> {
  let stored: StoredResponse;
  try {
    stored = await run();
  } catch (error) {
    const refused = face.error(error, request, requestId);
    if (refused.status >= 500) {
      await releaseIdempotencyKey(lock);
      throw error;
    }
    stored = { status: refused.status, body: refused.body };
  }
  await completeIdempotencyKey(lock, stored);
  return stored;
}

// ——— the composition ———

/**
 * In this order: check the host, authenticate the key, check that it may be used on this host and X-Partner-ID,
 * count the request against the partner's rate limit, check the scope, parse the request, honour
 * Idempotency-Key, run, map errors through the face, and log one line (and one request-log row).
 */
export async function serveKeyedRequest(request: Request, spec: KeyedRequest): Promise<Response> {
  const started = performance.now();
  const requestId = newId('apiRequest');
  const url = new URL(request.url);
  const headers: Record<string, string> = { 'X-Request-Id': requestId };
  let key: AuthenticatedKey | undefined;
  let status = 500;
  let errorCode: string | undefined;
  try {
    const host = await hostPartner(request);
    key = await authenticateApiKey(bearerToken(request.headers.get('authorization')));
    checkKeyHost(key, host);
    checkPartnerHeader(request, key);
    // Counted per acting partner, so a sandbox has a budget apart from its live partner's (as Stripe's test
    // mode does): a runaway test suite cannot starve live traffic. The size is the live partner's.
    const limit = await consumeRateLimit(key.partnerId, key.rateLimitPerHour ?? tierLimits[key.tier]);
    Object.assign(headers, rateLimitHeaders(limit));
    if (!limit.allowed) throw rateLimitedError(limit);
    checkScope(key, spec.scope, spec.label);
    noteKeyUsed(key.id);

    const ctx = contextOf(key, request, requestId);
    const prepared = await spec.prepare(ctx);
    const { bodyText } = prepared;
    // A test key's request lives at its sandbox's test clock (lib/sandbox/test-clock.ts).
    const run = ctx.environment === 'test' ? () => atTestClock(ctx.partnerId, prepared.run) : prepared.run;
    const idempotencyKey = spec.idempotent ? request.headers.get('idempotency-key') : null;
    let stored: KeyedAnswer;
    if (idempotencyKey) {
      const claim = { partnerId: key.partnerId, key: idempotencyKey, method: request.method, path: url.pathname, digest: requestDigest(request.method, url.pathname, bodyText) };
      const claimed = await claimIdempotencyKey(claim);
      if (claimed.replay) {
        headers['Idempotent-Replayed'] = 'true';
        stored = claimed.replay;
      } else {
        stored = await runIdempotent(run, claimed.lock, spec.face, request, requestId);
      }
    } else {
      stored = await run();
    }
    status = stored.status;
    if (stored.status >= 400) errorCode = (stored.body as { code?: string })?.code;
    return answer(stored, headers, spec.face);
  } catch (error) {
    // A known key refused (revoked, expired) is logged against its partner, at most once a second; an unknown
    // one has nobody to tell.
    if (error instanceof ApiKeyRefused && refusalWorthLogging(error.key.id)) key = error.key;
    const refused = spec.face.error(error, request, requestId);
    status = refused.status;
    errorCode = refused.code;
    // A provider that is down or limiting us is an answer we expected (an AppError, retryable): a warning
    // without a stack. Anything else that became a 5xx is a bug, logged with its stack.
    if (status >= 500 && error instanceof AppError && error.code !== 'internal_error') logger.warn('api request refused: an outside provider is unavailable', { requestId, code: error.code, message: error.message });
    else if (status >= 500) logger.error('api request failed', { requestId, error: safeErrorStack(error) });
    return new Response(JSON.stringify(refused.body), { status, headers: { 'Content-Type': spec.face.errorContentType, ...headers, ...refused.headers } });
  } finally {
    const durationMs = Math.round(performance.now() - started);
    const path = url.pathname;
    logger.info('api', { requestId, method: request.method, path, status, durationMs, partnerId: key?.partnerId, apiKeyId: key?.id, errorCode });
    if (key) recordApiRequest({ partnerId: key.partnerId, apiKeyId: key.id, method: request.method, path, status, durationMs, requestId, errorCode: errorCode ?? null });
  }
}
