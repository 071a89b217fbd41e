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
