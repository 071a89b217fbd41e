import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { registerSchema } from '@/lib/onboarding/schemas';
import { AppError } from './app-error';
import { parseInput } from './zod';

function fieldErrorsOf(schema: z.ZodType, input: unknown) {
  try {
    parseInput(schema, input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).fieldErrors ?? {};
  }
  throw new Error('expected a validation error');
}

const programmerWords = /Invalid input|expected \w+, received|Too (small|big)|Invalid (option|string)/;

describe('parseInput', () => {
  it('reports every missing and mistyped field at once, each in a sentence, keeping the schema’s own words', () => {
    const errors = fieldErrorsOf(registerSchema, { email: 'nope', mobile: 9876543210 });
    expect(errors).toEqual({
      name: 'This field is required.',
      email: 'Enter a valid e-mail address.',
      mobile: 'This must be text, not a number.',
      password: 'This field is required.',
    });
  });

  it('words zod’s defaults for every common kind of problem', () => {
    const schema = z.object({
      text: z.string().min(3).max(5),
      count: z.number().int().min(1).max(10),
      flag: z.boolean(),
      choice: z.enum(['email', 'mobile', 'both']),
      tags: z.array(z.string()).min(1),
      site: z.url(),
      extra: z.string().optional(),
    });
    const errors = fieldErrorsOf(schema, { text: 'ab', count: 1.5, flag: 'yes', choice: 'fax', tags: [], site: 'not a url', extra: null });
    expect(errors).toEqual({
      text: 'Use at least 3 characters.',
      count: 'This must be a whole number.',
      flag: 'This must be true or false, not text.',
      choice: 'Choose one of “email”, “mobile” or “both”.',
      tags: 'Choose at least one.',
      site: 'Enter a full URL, such as https://example.com/path.',
      extra: 'This must be text, not null.',
    });
    expect(fieldErrorsOf(schema.shape.text, 'abcdefg')._form).toBe('Use at most 5 characters.');
    expect(fieldErrorsOf(schema.shape.count, 11)._form).toBe('This must be at most 10.');
    for (const message of Object.values(errors)) expect(message).not.toMatch(programmerWords);
  });
});
