import { errorCatalogue, type ErrorCode } from './catalogue';

export type { ErrorCode };

/** Field name (dot path) → message, for errors a form shows next to its field. */
export type FieldErrors = Record<string, string>;

/**
 * The one error type domain functions throw for expected failures. Each code has a fixed HTTP status (see the
 * catalogue) so the REST API, server actions and the CLI all report a failure the same way. Anything else that
 * escapes is a bug and is reported as a generic internal error.
 */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
    /** Response headers that belong with this error, such as Retry-After or Allow. */
    readonly headers?: Record<string, string>,
    /** Extra members of the problem details that say more than the message, e.g. how much money was lacking. */
    readonly extensions?: Record<string, string | number | boolean>,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = errorCatalogue[code].status;
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found.`);
export const forbidden = (message = 'You do not have permission to do that.') => new AppError('forbidden', message);
export const conflict = (message: string, field?: string) => new AppError('conflict', message, field ? { [field]: message } : undefined);
export const invalid = (field: string, message: string) => new AppError('validation_failed', message, { [field]: message });
