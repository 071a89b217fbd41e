import type { FieldErrors } from '@/lib/errors/app-error';

/**
 * What every server action returns to its form: a message, errors by field, and the values that were sent
 * (minus secrets) so a failed submission loses nothing the person typed.
 */
export type FormState<Data = unknown> = {
  status: 'idle' | 'success' | 'error';
  message?: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, string>;
  /** Every value sent per field (minus secrets), for fields that repeat such as a group of checkboxes. */
  valueLists?: Record<string, string[]>;
  /** Fields that held something and were emptied all the same (codes, identity numbers), with the reason. */
  cleared?: Record<string, string>;
  data?: Data;
  /**
   * Where the browser should go next. Partner hosts are served through a rewrite, and a server-side redirect
   * from an action would render its target without the rewrite, so the form navigates on the client instead.
   */
  redirectTo?: string;
  /** Changes on every submission, so a toast fires even when the message repeats. */
  at?: number;
};

export const idleState: FormState = { status: 'idle' };
