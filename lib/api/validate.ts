import type { z } from 'zod';
import { AppError, type FieldErrors } from '@/lib/errors/app-error';
import { assertStorableText } from '@/lib/errors/unstorable-text';
import { humanParse } from '@/lib/errors/zod';

/**
 * Validates one part of a request. Unknown fields (strict schemas) are reported as `unknown_fields` naming
 * each one; other problems as `validation_failed`, each with its path under `prefix` (query, path or body).
 * Text the database cannot store (NUL, lone surrogates) is refused first, whatever the schema would allow.
 */
export function validatePart<S extends z.ZodType>(schema: S, input: unknown, prefix: 'query' | 'path' | ''): z.output<S> {
  assertStorableText(input, prefix);
  const result = schema.safeParse(input, humanParse);
  if (result.success) return result.data;
  const at = (path: PropertyKey[]) => [prefix, ...path.map(String)].filter(Boolean).join('.');
  const unknown: FieldErrors = {};
  const invalid: FieldErrors = {};
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) unknown[at([...issue.path, key])] = `Unknown field “${key}”.`;
    } else {
      invalid[at(issue.path)] ??= issue.message;
    }
  }
  if (Object.keys(unknown).length) {
    throw new AppError('unknown_fields', `Unknown field${Object.keys(unknown).length > 1 ? 's' : ''}: ${Object.keys(unknown).map((k) => k.split('.').pop()).join(', ')}.`, { ...unknown, ...invalid });
  }
  const count = Object.keys(invalid).length;
  throw new AppError('validation_failed', count === 1 ? `${Object.keys(invalid)[0] || 'request'}: ${Object.values(invalid)[0]}` : `${count} fields are invalid.`, invalid);
}
