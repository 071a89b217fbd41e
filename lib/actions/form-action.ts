import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { AppError } from '@/lib/errors/app-error';
import { assertStorableText, storableText } from '@/lib/errors/unstorable-text';
import { logger } from '@/lib/log/logger';
import { safeErrorStack } from '@/lib/log/safe-error';
import type { FormState } from './form-state';

/**
 * Fields never sent back to the page after a failure, each with the reason the form gives for emptying it.
 * Everything else is kept, a new password included: it goes back only to the browser that has just sent it, in
 * the action's answer (no page, cache or log holds it), and retyping it after an error about another field
 * helps nobody. A password being *checked* is another matter: a wrong one is of use only to someone guessing.
 */
const notEchoed: { field: RegExp; reason: string }[] = [
  { field: /aadhaar/i, reason: 'For privacy, an Aadhaar number is never sent back to the page: enter it again.' },
  { field: /otp/i, reason: 'Codes are not kept after an error: enter the code again.' },
  { field: /current_password/i, reason: 'For security, the current password is not kept after an error: enter it again.' },
  { field: /token|secret/i, reason: 'For security, this is not kept after an error: enter it again.' },
];
const reasonNotEchoed = (key: string) => notEchoed.find((rule) => rule.field.test(key))?.reason;

function echoValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === 'string' && !key.startsWith('$ACTION') && !reasonNotEchoed(key)) values[key] = storableText(value);
  }
  return values;
}

/** The fields that held something and were emptied, with why, so the form can say so beside each. */
function clearedFields(formData: FormData): Record<string, string> | undefined {
  const cleared: Record<string, string> = {};
  for (const [key, value] of formData) {
    const reason = typeof value === 'string' && value !== '' ? reasonNotEchoed(key) : undefined;
    if (reason) cleared[key] = reason;
  }
  return Object.keys(cleared).length ? cleared : undefined;
}

function echoLists(formData: FormData): Record<string, string[]> {
  const lists: Record<string, string[]> = {};
  for (const [key, value] of formData) {
    if (typeof value === 'string' && !key.startsWith('$ACTION') && !reasonNotEchoed(key)) (lists[key] ??= []).push(storableText(value));
  }
  return lists;
}

export type ActionOutcome<Data> = { message?: string; data?: Data; redirectTo?: string } | void;

/**
 * Wraps a server action body so every form gets the same contract: AppErrors become messages next to their
 * fields, anything unexpected is logged and reported without internals, and redirects pass through. Text the
 * database cannot store (a NUL byte, a lone surrogate) is refused beside its field before the action runs.
 */
export function formAction<Data = unknown>(run: (formData: FormData) => Promise<ActionOutcome<Data>>) {
  return async (_previous: FormState<Data>, formData: FormData): Promise<FormState<Data>> => {
    try {
      assertStorableText(Object.fromEntries([...formData].filter(([key, value]) => typeof value === 'string' && !key.startsWith('$ACTION'))));
      const outcome = await run(formData);
      return { status: 'success', message: outcome?.message, data: outcome?.data, redirectTo: outcome?.redirectTo, at: Date.now() };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof AppError) {
        return { status: 'error', message: error.message, fieldErrors: error.fieldErrors, values: echoValues(formData), valueLists: echoLists(formData), cleared: clearedFields(formData), at: Date.now() };
      }
      logger.error('server action failed', { error: safeErrorStack(error) });
      return { status: 'error', message: 'Something went wrong on our side. Please try again.', values: echoValues(formData), valueLists: echoLists(formData), cleared: clearedFields(formData), at: Date.now() };
    }
  };
}

/** Every string value of a repeated field (a group of checkboxes), in the order sent. */
export function listOf(formData: FormData, name: string): string[] {
  return formData.getAll(name).filter((value): value is string => typeof value === 'string');
}

/** Form fields as a plain object of strings, ready for a zod schema (files are left out). */
export function fieldsOf(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === 'string' && !key.startsWith('$ACTION')) fields[key] = value;
  return fields;
}
