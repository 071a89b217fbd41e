import { AppError } from '@/lib/errors/app-error';
import { requestOrigin } from '@/lib/http/request-info';
import { newId } from '@/lib/ids';
import { hostPartner } from './keyed-request';
import { problemResponse } from './problem';

/**
 * Answers for requests no operation serves, as problem+json like every other API error: without these, Next
 * would answer an HTML page (no route) or an empty 405 (a method a route file does not export).
 */

/** Any path under /api/v1 that no operation serves. */
function routeNotFound(request: Request): Promise<Response> {
  const error = new AppError('route_not_found', `No operation at ${request.method} ${new URL(request.url).pathname}; see /docs/api.`);
  return Promise.resolve(problemResponse(error, requestOrigin(request), newId('apiRequest')));
}

/** The exports of a route file that serves nothing, so every method (OPTIONS too) gets the 404. */
export const routeNotFoundHandlers = { GET: routeNotFound, POST: routeNotFound, PUT: routeNotFound, PATCH: routeNotFound, DELETE: routeNotFound, OPTIONS: routeNotFound };

/**
 * The Allow list of a route serving `served`: HEAD wherever GET is (Next answers HEAD with the GET handler) and
 * OPTIONS (answered with this same list). Sorted, as Next sorts its own, so the list reads the same on every route.
 */
function allowedMethods(served: string[]): string {
  const allow = new Set([...served, 'OPTIONS']);
  if (allow.has('GET')) allow.add('HEAD');
  return [...allow].sort().join(', ');
}

/** A 405 for a method the path exists without, naming the methods it does serve. */
export function methodNotAllowed(request: Request, served: string[]): Response {
  const error = new AppError('method_not_allowed', `${request.method} is not allowed here; use ${served.join(' or ')}.`, undefined, { Allow: allowedMethods(served) });
  return problemResponse(error, requestOrigin(request), newId('apiRequest'));
}

/** The answer to OPTIONS: no body, the methods in Allow. */
export function allowedMethodsResponse(served: string[]): Response {
  return new Response(null, { status: 204, headers: { Allow: allowedMethods(served) } });
}

/** The 404 problem for a host that serves no partner (unknown, or a custom domain not verified yet); null otherwise. */
export async function unknownHostProblem(request: Request): Promise<Response | null> {
  try {
    await hostPartner(request);
    return null;
  } catch (error) {
    return problemResponse(error, requestOrigin(request), newId('apiRequest'));
  }
}
