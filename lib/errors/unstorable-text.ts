import { AppError } from './app-error';

// PostgreSQL text cannot hold U+0000 (SQLSTATE 22021 in text, 22P05 in jsonb), and a UTF-16 surrogate without
// its pair has no UTF-8 form at all: either would reach the database only to fail there as a 500.
const unstorable = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isStorableText(text: string): boolean {
  return !unstorable.test(text);
}

/** Drops what isStorableText refuses, for inputs that are forgiven rather than refused (a console search box). */
export function storableText(text: string): string {
  return text.replace(new RegExp(unstorable.source, 'g'), '');
}

function reason(text: string): string {
  return text.includes('\u0000') ? 'must not contain a NUL character (U+0000)' : 'must not contain a lone UTF-16 surrogate (it is not valid Unicode text)';
}

/**
 * The path of the first string (value or object key) in a decoded JSON value, query or form that cannot be
 * stored, with why; null when all are fine. Walks with a stack of its own: a body may nest deeper than the call
 * stack goes.
 */
export function findUnstorableText(input: unknown): { path: string[]; message: string } | null {
  // Each entry links to its parent rather than copying the path, so a deep body costs linear time.
  type Entry = { value: unknown; key?: string; parent?: Entry };
  const pathOf = (entry: Entry | undefined, last?: string) => {
    const path = last === undefined ? [] : [last];
    for (let e = entry; e?.key !== undefined; e = e.parent) path.push(e.key);
    return path.reverse();
  };
  const pending: Entry[] = [{ value: input }];
  while (pending.length) {
    const entry = pending.pop()!;
    const { value } = entry;
    if (typeof value === 'string') {
      if (!isStorableText(value)) return { path: pathOf(entry), message: `This value ${reason(value)}.` };
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) pending.push({ value: value[i], key: String(i), parent: entry });
    } else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value).reverse()) {
        if (!isStorableText(key)) return { path: pathOf(entry, key), message: `This field name ${reason(key)}.` };
        pending.push({ value: inner, key, parent: entry });
      }
    }
  }
  return null;
}

/**
 * Refuses input holding text the database cannot store, as validation_failed naming the field (dot path under
 * `prefix`, which the REST chassis turns into a JSON pointer and a form shows beside the field).
 */
export function assertStorableText(input: unknown, prefix?: string): void {
  const found = findUnstorableText(input);
  if (!found) return;
  const field = [prefix, ...found.path].filter(Boolean).join('.') || '_form';
  throw new AppError('validation_failed', `${field === '_form' ? 'The request' : field}: ${found.message}`, { [field]: found.message });
}
