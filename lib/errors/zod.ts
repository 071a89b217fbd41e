import type { z } from 'zod';
import { AppError, type FieldErrors } from './app-error';

type RawIssue = z.core.$ZodRawIssue;

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'true or false',
  date: 'a date',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

/** What a value sent in place of the expected one is, in words ("a number", "a list", "nothing"). */
function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return Number.isNaN(value) ? 'something that is not a number' : 'a number';
  if (typeof value === 'boolean') return 'true or false';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

const formatNames: Record<string, string> = {
  email: 'Enter a valid e-mail address.',
  url: 'Enter a full URL, such as https://example.com/path.',
  uuid: 'Enter a valid UUID.',
  datetime: 'Enter a date and time in ISO 8601, such as 2026-11-22T10:00:00Z.',
  date: 'Enter a date as YYYY-MM-DD.',
  ipv4: 'Enter a valid IPv4 address.',
  ipv6: 'Enter a valid IPv6 address.',
};

const listOf = (values: readonly unknown[]) => {
  const words = values.map((value) => (typeof value === 'string' ? `“${value}”` : String(value)));
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
};

/**
 * The sentence a person reads for each kind of problem zod finds, where the schema has not given its own
 * ("Enter a valid e-mail address." is the schema's). Zod's defaults ("Invalid input: expected string, received
 * undefined") are written for programmers; every form, REST answer and CLI message goes through this instead.
 */
export function humanIssueMessage(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'This field is required.';
      if (issue.expected === 'int' && typeof issue.input === 'number') return 'This must be a whole number.';
      return `This must be ${typeNames[issue.expected] ?? issue.expected}, not ${describeValue(issue.input)}.`;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? 'This field is required.' : `Use at least ${min} characters.`;
      if (issue.origin === 'array' || issue.origin === 'set') return min <= 1 ? 'Choose at least one.' : `Choose at least ${min}.`;
      return issue.inclusive === false ? `This must be more than ${min}.` : `This must be at least ${min}.`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `Use at most ${max} characters.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Choose at most ${max}.`;
      return issue.inclusive === false ? `This must be less than ${max}.` : `This must be at most ${max}.`;
    }
    case 'invalid_value':
      return issue.values.length === 1 ? `This must be ${listOf(issue.values)}.` : `Choose one of ${listOf(issue.values)}.`;
    case 'invalid_format':
      if (issue.format === 'starts_with') return `This must start with “${(issue as { prefix?: string }).prefix ?? ''}”.`;
      if (issue.format === 'ends_with') return `This must end with “${(issue as { suffix?: string }).suffix ?? ''}”.`;
      return formatNames[issue.format] ?? 'This is not in the expected format.';
    case 'not_multiple_of':
      return `This must be a multiple of ${String(issue.divisor)}.`;
    case 'unrecognized_keys':
      return `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}.`;
    case 'invalid_union':
      return 'This value is not one of the accepted forms.';
    case 'invalid_key':
    case 'invalid_element':
      return 'This contains a value that is not valid.';
    default:
      return 'This value is not valid.';
  }
}

/** Parse options that give every issue the schema left unworded a sentence from `humanIssueMessage`. */
export const humanParse = { error: humanIssueMessage } as const;

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
  const result = schema.safeParse(input, humanParse);
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
