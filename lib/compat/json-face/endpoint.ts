import { z } from 'zod';
import type { ApiOperation } from '@/lib/api/operation';
import type { Scope } from '@/lib/api-keys/scopes';
import type { ApiCtx } from '@/lib/audit/context';
import { AppError, type ErrorCode } from '@/lib/errors/app-error';

/**
 * The mapping-table entries of a JSON compatibility face (UChat's, Flowmatix's): one endpoint of the other
 * platform's API, its fields and their differences, the REST operation it maps to, and how it is served. Each
 * face names its groups; everything else is the same.
 */

/** A request field: where the other platform's client sends it, what it becomes here, and what differs. */
export type FieldDoc = { in: 'body' | 'path' | 'query'; type: 'string' | 'integer' | 'date' | 'object' | 'list'; required: boolean; to: string; difference?: string };

/** A field of the answer's `data`: its name here, and where in Switchboard it comes from. */
export type AnswerDoc = { name: string; from: string; note?: string };

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

type Common<G extends string> = {
  group: G;
  method: Method;
  /** The path under the face's prefix, with `{param}` placeholders: `workspace/{workspaceId}`. */
  path: string;
  summary: string;
  /** The platform's example request body, where its reference gives one (or what its clients send). */
  example?: Record<string, unknown>;
  fields: Record<string, FieldDoc>;
  differences: string[];
};

/** An endpoint that answers, through the same domain function as the REST operation(s) it maps to. */
export type AvailableEndpoint<G extends string> = Common<G> & {
  status: 'available';
  rest: ApiOperation[];
  scope: Scope;
  answer: AnswerDoc[];
  /** Checks the request's fields (path, query and body merged); throws a validation AppError naming the platform's fields. */
  parse(raw: Record<string, unknown>): unknown;
  serve(ctx: ApiCtx, input: unknown): Promise<{ status: number; data: unknown; meta?: Record<string, unknown> }>;
};

/** An endpoint that cannot be honoured as the platform means it: always refused, with a stable code and what to do instead. */
export type RefusedEndpoint<G extends string> = Common<G> & {
  status: 'refused';
  scope: Scope | null;
  code: ErrorCode;
  reason: string;
  /** Runs first, so that a foreign customer is still a 404 rather than this refusal. */
  check?: (ctx: ApiCtx, params: Record<string, string>) => Promise<void>;
};

export type FaceEndpoint<G extends string> = AvailableEndpoint<G> | RefusedEndpoint<G>;

/** Zod issues as field errors under the platform's names (the first issue of each field). */
function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || 'body';
    errors[field] ??= issue.message;
  }
  return errors;
}

export function available<G extends string, S extends z.ZodType, R>(definition: Omit<Common<G>, 'differences'> & {
  differences?: string[];
  rest: ApiOperation[];
  scope: Scope;
  answer: AnswerDoc[];
  schema: S;
  /** Calls the same domain function(s) as the REST operation's route and returns the platform's `data`. */
  call: (ctx: ApiCtx, input: z.output<S>) => Promise<R>;
  data: (result: R, input: z.output<S>) => unknown;
  meta?: (result: R, input: z.output<S>) => Record<string, unknown>;
  created?: boolean;
}): AvailableEndpoint<G> {
  const { schema, call, data, meta, created, ...rest } = definition;
  return {
    ...rest,
    differences: definition.differences ?? [],
    status: 'available',
    parse(raw) {
      const parsed = schema.safeParse(raw);
      if (parsed.success) return parsed.data;
      const errors = fieldErrors(parsed.error);
      const entries = Object.entries(errors);
      throw new AppError('validation_failed', entries.length === 1 ? `${entries[0]![0]}: ${entries[0]![1]}` : `${entries.length} fields are invalid.`, errors);
    },
    async serve(ctx, input) {
      const result = await call(ctx, input as z.output<S>);
      return { status: created ? 201 : 200, data: data(result, input as z.output<S>), meta: meta?.(result, input as z.output<S>) };
    },
  };
}

export function refused<G extends string>(definition: Omit<Common<G>, 'differences'> & { differences?: string[]; scope: Scope | null; code: ErrorCode; reason: string; check?: RefusedEndpoint<G>['check'] }): RefusedEndpoint<G> {
  return { ...definition, differences: definition.differences ?? [], status: 'refused' };
}

export const scopeOf = <G extends string>(endpoint: FaceEndpoint<G>): Scope | null => endpoint.scope;

// ——— field shapes JSON clients send ———

/** Text that must be there. */
export const requiredText = (name: string, max = 200) => z.string({ error: `${name} is required and must be text.` }).trim().min(1, `${name} is required.`).max(max, `${name} must be at most ${max} characters.`);
/** Text that may be left out (null or "" is left out). */
export const optionalText = (name: string, max = 200) => z.preprocess((v) => (v === null || v === '' ? undefined : v), z.string({ error: `${name} must be text.` }).trim().max(max, `${name} must be at most ${max} characters.`).optional());
/** A YYYY-MM-DD date. */
export const optionalDate = (name: string) => z.preprocess((v) => (v === null || v === '' ? undefined : v), z.string({ error: `${name} must be a date.` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${name} must be a date as YYYY-MM-DD.`).optional());
/** A whole number, sent as a number or in a query string. */
export const optionalInteger = (name: string, min: number, max: number) =>
  z.preprocess(
    (v) => (v === null || v === '' ? undefined : typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : v),
    z.number({ error: `${name} must be a whole number.` }).int(`${name} must be a whole number.`).min(min, `${name} must be at least ${min}.`).max(max, `${name} must be at most ${max}.`).optional(),
  );
