import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * The text a list's search box looks in: its columns joined by a space, as one expression. A trigram index
 * (`gin_trgm_ops`) is built on exactly this expression, and queries match `ILIKE '%…%'` against the same
 * expression, so PostgreSQL answers from the index; two columns ORed together would need two indexes.
 */
export function searchText(...columns: PgColumn[]): SQL {
  return sql`(${sql.join(
    columns.map((c) => sql`${c}`),
    sql` || ' ' || `,
  )})`;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** `text` anywhere in a search expression, case-insensitive; `%`, `_` and `\` in it match themselves. */
export function containsText(expression: SQL, text: string): SQL {
  return sql`${expression} ilike ${likePattern(text)}`;
}

/**
 * `text` anywhere in a column that holds its text lower-cased already (a generated column), case-insensitive
 * too: the pattern is lower-cased by the same `lower()` that wrote the column, so both fold alike.
 */
export function containsLowered(column: PgColumn, text: string): SQL {
  return sql`${column} like lower(${likePattern(text)})`;
}
