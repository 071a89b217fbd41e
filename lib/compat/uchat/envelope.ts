import type { ApiFace } from '@/lib/api/keyed-request';
import { knownError } from '@/lib/api/problem';
import { errorCatalogue, type ErrorCode } from '@/lib/errors/catalogue';
import type { AppError } from '@/lib/errors/app-error';
import { newId } from '@/lib/ids';

/**
 * UChat's envelope: `{ "status": "ok", "data": … }`, lists adding `meta` with `current_page`, `per_page` and
 * `total`. UChat publishes no error body, so errors keep the same envelope with `status: "error"`, Switchboard's
 * stable `code`, a `message` and per-field `errors` under UChat's field names, and Switchboard's HTTP status: a
 * client that checks either the HTTP status or `status` works unchanged.
 */
export type UChatSuccess = { status: 'ok'; data: unknown; meta?: Record<string, unknown> };
export type UChatError = { status: 'error'; code: ErrorCode; message: string; errors?: Record<string, string> };

export const uchatSuccess = (data: unknown, meta?: Record<string, unknown>): UChatSuccess => (meta ? { status: 'ok', data, meta } : { status: 'ok', data });

export function uchatError(error: unknown, toUChatName: (field: string) => string = (field) => field) {
  const known = knownError(error);
  const code: ErrorCode = known?.code ?? 'internal_error';
  const status = errorCatalogue[code].status;
  const message = known?.message ?? errorCatalogue.internal_error.description;
  const errors = known?.fieldErrors && Object.keys(known.fieldErrors).length ? Object.fromEntries(Object.entries(known.fieldErrors).map(([field, text]) => [toUChatName(field.replace(/^(query|path|body)\./, '')), text])) : undefined;
  const body: UChatError = errors ? { status: 'error', code, message, errors } : { status: 'error', code, message };
  return { status, code, body, headers: known?.headers ?? {} };
}

export function uchatFace(toUChatName?: (field: string) => string): ApiFace {
  return { errorContentType: 'application/json', error: (error) => uchatError(error, toUChatName) };
}

/** An answer outside the key pipeline (unknown path, wrong method), in the same envelope. */
export function uchatErrorResponse(error: AppError): Response {
  const { status, body, headers } = uchatError(error);
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', 'X-Request-Id': newId('apiRequest'), ...headers } });
}
