import { z } from 'zod';
import type { Page } from '@/lib/pagination/cursor';
import { optionalInteger } from '../endpoint';

/**
 * UChat pages by number (`page`, `per_page`) and answers a `total`; Switchboard's lists page by cursor. The face
 * walks the cursor pages up to `walkCap` items and cuts the asked page from them; past that, page /api/v1 by cursor.
 */
export const walkCap = 5000;

export const pageFields = {
  page: optionalInteger('page', 1, walkCap),
  per_page: optionalInteger('per_page', 1, 100),
};
export const pageSchema = z.object(pageFields);
export type PageInput = { page?: number; per_page?: number };

export const pageDocs = {
  page: { in: 'query' as const, type: 'integer' as const, required: false, to: '(walked)', difference: `1 and up, 1 when left out; pages reach the first ${walkCap} items (REST pages by cursor, starting_after, past that).` },
  per_page: { in: 'query' as const, type: 'integer' as const, required: false, to: 'limit', difference: '1 to 100, 10 when left out.' },
};

export async function walk<T extends { id: string }>(page: (after: string | undefined) => Promise<Page<T>>, cap = walkCap): Promise<T[]> {
  const items: T[] = [];
  let after: string | undefined;
  for (;;) {
    const next = await page(after);
    items.push(...next.data);
    if (!next.has_more || !next.data.length || items.length >= cap) return items.slice(0, cap);
    after = next.data.at(-1)!.id;
  }
}

/** The asked page of a list, with UChat's meta. */
export function cut<T>(items: T[], input: PageInput): { items: T[]; meta: { current_page: number; per_page: number; total: number } } {
  const perPage = input.per_page ?? 10;
  const current = input.page ?? 1;
  return { items: items.slice((current - 1) * perPage, current * perPage), meta: { current_page: current, per_page: perPage, total: items.length } };
}
