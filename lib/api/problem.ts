import { errorCatalogue, type ErrorCode } from '@/lib/errors/catalogue';
import { AppError } from '@/lib/errors/app-error';
import { isDatabaseUnavailable } from '@/lib/errors/postgres';
import { noteDatabaseError } from '@/db/availability';

export type ProblemDetails = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  request_id: string;
  errors?: { pointer: string; message: string }[];
  [extension: string]: unknown;
};

/** Where each code is explained: the error catalogue page, on whichever host served the request. */
export function errorTypeUrl(origin: string, code: ErrorCode): string {
  return `${origin}/docs/api/errors#${code}`;
}

/** A field path ("address.city", "query.limit") as a JSON pointer ("/address/city", "/query/limit"). */
export function toPointer(path: string): string {
  if (path === '_form' || path === '') return '';
  return `/${path.split('.').map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}

/** What a request that met an unreachable database is told: not our bug to hide, but a moment to wait. */
export function databaseUnavailable(): AppError {
  return new AppError('service_unavailable', 'The service cannot reach its database right now; nothing was changed. Retry in a few seconds.', undefined, { 'Retry-After': '2' });
}

/**
 * The AppError an error stands for, whichever face answers it: an AppError itself, a database that cannot be
 * reached (which also tells the request gate), or null for a fault of ours that the caller learns nothing about.
 */
export function knownError(error: unknown): AppError | null {
  noteDatabaseError(error);
  return error instanceof AppError ? error : isDatabaseUnavailable(error) ? databaseUnavailable() : null;
}

/**
 * RFC 9457 problem details for any error. AppErrors keep their code and message; anything else is reported
 * as `internal_error` with nothing about the cause (that is logged with the request id instead).
 */
export function problemFor(error: unknown, origin: string, requestId: string): { body: ProblemDetails; headers: Record<string, string> } {
  const known = knownError(error);
  const code: ErrorCode = known?.code ?? 'internal_error';
  const entry = errorCatalogue[code];
  const body: ProblemDetails = {
    type: errorTypeUrl(origin, code),
    title: entry.title,
    status: entry.status,
    detail: known?.message ?? entry.description,
    code,
    request_id: requestId,
  };
  // Extension members add to the standard ones and never replace them.
  for (const [name, value] of Object.entries(known?.extensions ?? {})) if (!(name in body)) body[name] = value;
  if (known?.fieldErrors) body.errors = Object.entries(known.fieldErrors).map(([path, message]) => ({ pointer: toPointer(path), message }));
  return { body, headers: known?.headers ?? {} };
}

export function problemResponse(error: unknown, origin: string, requestId: string, extraHeaders: Record<string, string> = {}): Response {
  const { body, headers } = problemFor(error, origin, requestId);
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { 'Content-Type': 'application/problem+json', 'X-Request-Id': requestId, ...extraHeaders, ...headers },
  });
}
