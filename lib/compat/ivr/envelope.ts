import type { ApiFace } from '@/lib/api/keyed-request';
import { knownError } from '@/lib/api/problem';
import { errorCatalogue, type ErrorCode } from '@/lib/errors/catalogue';
import { AppError } from '@/lib/errors/app-error';
import { newId } from '@/lib/ids';

/**
 * IVR Solutions' conventions: every answer is `{ status, message, data }` with the HTTP status repeated in the
 * body; errors are `{ status, message }` with 400, 401, 404 or 405. Where Switchboard has more to say (a conflict,
 * a reused Idempotency-Key, a limit) the answer is 409, 422 or 429 with the same shape plus `code`, Switchboard's
 * stable error code; statuses IVR Solutions never sends are folded into the nearest one it does, with `code`.
 */
export type IvrSuccess = { status: number; message: string; data: unknown };
export type IvrError = { status: number; message: string; code?: ErrorCode };

export const ivrSuccess = (message: string, data: unknown): IvrSuccess => ({ status: 200, message, data });

const plainStatuses = new Set([400, 401, 404, 405]);

/** Switchboard's status → the one an IVR Solutions client understands. */
function ivrStatusOf(status: number): number {
  if (status === 403) return 401; // a key without the scope, or of a suspended partner: "not authorised" in IVR's terms
  if (status === 413 || status === 415) return 400; // too large, or neither JSON nor a form: bad input
  if (status === 423) return 429; // a code locked by too many wrong tries: too many attempts
  return status;
}

/**
 * Field errors, worded with the field names the client sent (IVR Solutions' names; the domain reports its own,
 * which `toIvrName` turns back), all of them in one message since this envelope has no list of fields.
 */
function messageOf(error: AppError, toIvrName: (field: string) => string): string {
  const fields = Object.entries(error.fieldErrors ?? {});
  if (error.code !== 'validation_failed' || !fields.length) return error.message;
  return fields
    .map(([field, message]) => {
      const name = toIvrName(field.replace(/^(query|path)\./, ''));
      return message.startsWith(name) ? message : `${name}: ${message}`;
    })
    .join(' ');
}

export function ivrError(error: unknown, toIvrName: (field: string) => string = (field) => field): { status: number; code: ErrorCode; body: IvrError; headers: Record<string, string> } {
  const known = knownError(error);
  const code: ErrorCode = known?.code ?? 'internal_error';
  const switchboardStatus = errorCatalogue[code].status;
  const status = ivrStatusOf(switchboardStatus);
  const message = known ? messageOf(known, toIvrName) : errorCatalogue.internal_error.description;
  const body: IvrError = { status, message };
  if (!plainStatuses.has(status) || status !== switchboardStatus) body.code = code;
  return { status, code, body, headers: known?.headers ?? {} };
}

/** The IVR Solutions face of the partner API, for one endpoint (whose field names the errors use). */
export function ivrFace(toIvrName?: (field: string) => string): ApiFace {
  return { errorContentType: 'application/json', error: (error) => ivrError(error, toIvrName) };
}

/** An answer outside the key pipeline (unknown path, wrong method), in the same envelope. */
export function ivrErrorResponse(error: AppError): Response {
  const { status, body, headers } = ivrError(error);
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', 'X-Request-Id': newId('apiRequest'), ...headers } });
}
