/**
 * What of an unexpected error may be written to a log or a terminal. A failed drizzle query carries its
 * parameters in its message and stack (password hashes, token digests, e-mail addresses), and the database's
 * error beneath it names the offending values in its detail; both are taken out here, keeping the SQL text
 * (values there are placeholders), the database's message, its SQLSTATE and which columns were involved.
 */

type DatabaseErrorFields = { code?: unknown; severity?: unknown; detail?: unknown };

/** drizzle wraps a driver error as `Failed query: <sql>\nparams: <values>`, with the driver's error as cause. */
function failedQuery(error: Error): { sql: string; cause: unknown } | null {
  if (!error.message.startsWith('Failed query: ')) return null;
  return { sql: error.message.slice('Failed query: '.length).split('\nparams:')[0]!, cause: error.cause };
}

/** postgres.js and PGlite errors alike carry a SQLSTATE and a severity. */
function isDatabaseError(error: unknown): error is Error & DatabaseErrorFields {
  const fields = error as DatabaseErrorFields | null;
  return error instanceof Error && typeof fields?.code === 'string' && /^[0-9A-Z]{5}$/.test(fields.code) && typeof fields.severity === 'string';
}

/**
 * The detail PostgreSQL gives, reduced to the columns and what went wrong: `Key (email)=(…) already exists.`
 * Details of any other form are left out, since there is no telling which part of them is a value.
 */
function safeDetail(detail: unknown): string | null {
  if (typeof detail !== 'string') return null;
  if (detail.startsWith('Failing row contains (')) return 'Failing row contains (…).';
  const columns = /^Key \(([^)]*)\)=/.exec(detail)?.[1];
  if (columns === undefined) return null;
  const outcome =
    / already exists\.$/.test(detail) ? ' already exists.'
    : / is not present in table "[^"]+"\.$/.exec(detail)?.[0] ?? / is still referenced from table "[^"]+"\.$/.exec(detail)?.[0] ?? '';
  return `Key (${columns})=(…)${outcome}`;
}

function databaseSummary(error: Error & DatabaseErrorFields): string {
  // Data exceptions (class 22) quote the value that was refused: `invalid input syntax for type uuid: "…"`.
  const message = String(error.code).startsWith('22') ? error.message.replace(/"[^"]*"/g, '"…"') : error.message;
  const detail = safeDetail(error.detail);
  return `${message} (SQLSTATE ${String(error.code)}${detail ? `; ${detail}` : ''})`;
}

/** One line (or a few) saying what went wrong, without parameters or row values. */
export function safeErrorMessage(error: unknown): string {
  if (isDatabaseError(error)) return databaseSummary(error);
  if (!(error instanceof Error)) return String(error);
  const query = failedQuery(error);
  if (!query) return error.message;
  return `${query.cause instanceof Error ? safeErrorMessage(query.cause) : 'query failed'} in query: ${query.sql}`;
}


/**
 * The safe message with the error's stack frames beneath it. The stack begins with the raw message, parameters
 * included, so that part is cut off by its exact text (a value cannot pass for a frame), and only the `at …`
 * frames are kept.
 */
export function safeErrorStack(error: unknown): string {
  if (!(error instanceof Error)) return safeErrorMessage(error);
  const stack = error.stack ?? '';
  const header = error.message ? `${error.name}: ${error.message}` : error.name;
  const frames = (stack.startsWith(header) ? stack.slice(header.length) : stack).split('\n').filter((line) => /^\s+at /.test(line));
  return [`${error.name}: ${safeErrorMessage(error)}`, ...frames].join('\n');
}
