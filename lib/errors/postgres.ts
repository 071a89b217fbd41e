/**
 * PostgreSQL reports a unique violation as SQLSTATE 23505 with the constraint's name, through postgres.js and
 * PGlite alike (drizzle may wrap the driver's error, so look at its cause too).
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e = error as { code?: string; constraint?: string; constraint_name?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return !constraint || (e.constraint_name ?? e.constraint) === constraint;
  }
  return false;
}

/** The SQLSTATE of a database error (either driver, through causes), and the constraint it names if any. */
export function sqlStateOf(error: unknown): { code: string; constraint: string | null } | null {
  for (let e = error as { code?: string; constraint?: string; constraint_name?: string; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return { code: e.code, constraint: e.constraint_name ?? e.constraint ?? null };
  }
  return null;
}

// postgres.js and Node report a database that cannot be reached with these codes; PostgreSQL itself with class
// 08 (connection exception) and 57P01–57P03 (shutting down, crashed, starting up).
const unreachableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED']);

/** Whether an error says PostgreSQL is away (rather than that a query was wrong). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown; errors?: unknown[] } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (unreachableCodes.has(code) || code.startsWith('08') || /^57P0[123]$/.test(code)) return true;
    if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner))) return true; // AggregateError of connect attempts
  }
  return false;
}
