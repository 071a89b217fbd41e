import type { z } from 'zod';
import type { Scope } from '@/lib/api-keys/scopes';
import type { ErrorCode } from '@/lib/errors/catalogue';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * One REST operation, described once: the route handler validates with these schemas, serialises through the
 * response schema, and the OpenAPI document is built from the same object, so the two cannot disagree.
 */
export type ApiOperation<
  Params extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
  Response extends z.ZodType = z.ZodType,
> = {
  method: HttpMethod;
  /** OpenAPI path under /api/v1, with `{param}` placeholders. */
  path: string;
  operationId: string;
  summary: string;
  description: string;
  tag: string;
  /** The scope an API key needs; null for operations any valid key may call. */
  scope: Scope | null;
  params?: Params;
  query?: Query;
  body?: Body;
  /** Example request body for the documentation. */
  bodyExample?: unknown;
  /** `contentType` for answers that are not JSON (a server-sent event stream: the schema is one event's data). */
  response: { status: 200 | 201 | 202 | 204; description: string; schema: Response; example: unknown; contentType?: string };
  /** Errors this operation may answer beyond the ones every operation can (auth, rate limit, validation…). */
  errors?: ErrorCode[];
  /** Largest accepted request body in bytes (default 1 MiB). */
  maxBodyBytes?: number;
};

/** Keeps the operation's exact type, so handlers see precisely the params, query and body it declares. */
export function defineOperation<const Op extends ApiOperation>(operation: Op): Op {
  return operation;
}

/** Errors any authenticated operation can answer. */
export const commonErrors: ErrorCode[] = ['unauthenticated', 'invalid_api_key', 'api_key_revoked', 'api_key_expired', 'host_mismatch', 'host_not_found', 'partner_mismatch', 'insufficient_scope', 'rate_limited', 'internal_error'];
