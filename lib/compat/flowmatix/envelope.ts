import type { ApiFace } from '@/lib/api/keyed-request';
import { knownError } from '@/lib/api/problem';
import { errorCatalogue, type ErrorCode } from '@/lib/errors/catalogue';
import type { AppError } from '@/lib/errors/app-error';
import { newId } from '@/lib/ids';

/**
 * Flowmatix publishes no envelope of its own (its reference shows request bodies only), so the face answers plain
 * JSON: `{ "success": true, "data": … }` (lists add `meta` with `limit`, `offset`, `total`), and errors
 * `{ "success": false, "error": { "code", "message", "fields"? } }` with Switchboard's HTTP status and its stable
 * `code`: a client that checks the status, or `success`, works unchanged.
 */
export type FlowmatixSuccess = { success: true; data: unknown; meta?: Record<string, unknown> };
export type FlowmatixError = { success: false; error: { code: ErrorCode; message: string; fields?: Record<string, string> } };

export const flowmatixSuccess = (data: unknown, meta?: Record<string, unknown>): FlowmatixSuccess => (meta ? { success: true, data, meta } : { success: true, data });

export function flowmatixError(error: unknown, toFlowmatixName: (field: string) => string = (field) => field) {
  const known = knownError(error);
  const code: ErrorCode = known?.code ?? 'internal_error';
  const status = errorCatalogue[code].status;
  const message = known?.message ?? errorCatalogue.internal_error.description;
  const fields = known?.fieldErrors && Object.keys(known.fieldErrors).length ? Object.fromEntries(Object.entries(known.fieldErrors).map(([field, text]) => [toFlowmatixName(field.replace(/^(query|path|body)\./, '')), text])) : undefined;
  const body: FlowmatixError = { success: false, error: fields ? { code, message, fields } : { code, message } };
  return { status, code, body, headers: known?.headers ?? {} };
}

export function flowmatixFace(toFlowmatixName?: (field: string) => string): ApiFace {
  return { errorContentType: 'application/json', error: (error) => flowmatixError(error, toFlowmatixName) };
}

/** An answer outside the key pipeline (unknown path, wrong method), in the same envelope. */
export function flowmatixErrorResponse(error: AppError): Response {
  const { status, body, headers } = flowmatixError(error);
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', 'X-Request-Id': newId('apiRequest'), ...headers } });
}
