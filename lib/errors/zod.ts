import type { z } from 'zod';
import { AppError, type FieldErrors } from './app-error';

/** Turns zod issues into one message per field (the first one: a form shows one error under each field). */
export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_form';
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Parses input with a domain schema; a failure becomes a validation AppError naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors = fieldErrorsFrom(result.error);
  const count = Object.keys(fieldErrors).length;
  throw new AppError('validation_failed', count === 1 ? Object.values(fieldErrors)[0]! : `${count} fields need attention.`, fieldErrors);
}

/**
 * Input as it arrives from a form, the CLI or JSON: the expected fields, each of any type until the domain
 * function's schema has checked it.
 */
export type Untrusted<T> = { [K in keyof T]?: unknown };
