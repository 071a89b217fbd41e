import { getConfig } from '@/lib/config';

type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** Keys whose values never reach a log line, however deep they sit in the fields. */
const secretKey = /pass(word)?|secret|token|otp|aadhaar|authorization|api[_-]?key|cookie/i;

function redact(value: unknown, depth = 0): unknown {
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, secretKey.test(k) ? '[redacted]' : redact(v, depth + 1)]));
}

/** One JSON line per event on stdout/stderr: easy to grep here and to ship to any log store. */
function write(level: Level, message: string, fields?: Record<string, unknown>) {
  let threshold: Level | 'silent' = 'info';
  try {
    threshold = getConfig().LOG_LEVEL;
  } catch {
    // configuration errors are reported by whoever loads it; logging must still work
  }
  if (order[level] < order[threshold]) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...(redact(fields ?? {}) as object) });
  (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
}

export const logger = {
  debug: (message: string, fields?: Record<string, unknown>) => write('debug', message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write('info', message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write('warn', message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write('error', message, fields),
};
