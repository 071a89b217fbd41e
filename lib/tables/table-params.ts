/**
 * URL search params ⇄ table query. Pure and framework-free so server pages, the client DataTable and tests
 * all agree on the same parameter names and the same validation.
 */

import { storableText } from '@/lib/errors/unstorable-text';

/** What a Next page receives (after awaiting `props.searchParams`). */
export type SearchParams = Record<string, string | string[] | undefined>;

/** Props of a Next page whose table is driven by the URL. */
export type TablePageProps = { searchParams: Promise<SearchParams> };

export type SortState<TId extends string = string> = { id: TId; desc: boolean };

export type FilterOption = { value: string; label: string };
/** A select filter shown above the table; its `id` is also its URL parameter name. */
export type FilterDef = { id: string; label: string; options: readonly FilterOption[] };

/** Current filter values, typed from the definitions (`{ status?: 'active' | 'suspended' }`). */
export type FilterValues<TFilters extends readonly FilterDef[]> = {
  [D in TFilters[number] as D['id']]?: D['options'][number]['value'];
};

/** URL parameter names. Filter ids must not reuse these. */
export const TABLE_PARAMS = { page: 'page', pageSize: 'size', sort: 'sort', dir: 'dir', search: 'q' } as const;

export const DEFAULT_PAGE_SIZES: readonly number[] = [20, 50, 100];

const MAX_SEARCH_LENGTH = 200;

export type TableParams<TSort extends string = string, TFilters extends readonly FilterDef[] = readonly FilterDef[]> = {
  page: number;
  pageSize: number;
  /** Rows to skip: `(page - 1) * pageSize`. */
  offset: number;
  sort: SortState<TSort>;
  search: string;
  filters: FilterValues<TFilters>;
};

export type TableParamsOptions<TSort extends string, TFilters extends readonly FilterDef[]> = {
  sortable: readonly TSort[];
  defaultSort: SortState<NoInfer<TSort>>;
  /** Allowed page sizes; the first is the default. */
  pageSizes?: readonly number[];
  filters?: TFilters;
};

/**
 * Turns untrusted search params into a valid table query: an unknown sort column falls back to the default sort,
 * a bad page becomes 1, a page size snaps to the nearest allowed one, and filter values not among the options
 * are dropped.
 */
export function parseTableParams<TSort extends string, const TFilters extends readonly FilterDef[] = []>(
  searchParams: SearchParams | URLSearchParams,
  { sortable, defaultSort, pageSizes = DEFAULT_PAGE_SIZES, filters }: TableParamsOptions<TSort, TFilters>,
): TableParams<TSort, TFilters> {
  const get = (key: string) => {
    const value = searchParams instanceof URLSearchParams ? searchParams.get(key) : searchParams[key];
    return (Array.isArray(value) ? value[0] : value) ?? undefined;
  };

  const page = Math.max(1, toInteger(get(TABLE_PARAMS.page)) ?? 1);
  const pageSize = nearest(toInteger(get(TABLE_PARAMS.pageSize)), pageSizes);

  const sortId = get(TABLE_PARAMS.sort);
  const sort = sortId && (sortable as readonly string[]).includes(sortId) ? { id: sortId as TSort, desc: get(TABLE_PARAMS.dir) === 'desc' } : defaultSort;

  // Forgiven like every other parameter here: what the database cannot store (a NUL from `?q=%00`) is dropped.
  const search = storableText(get(TABLE_PARAMS.search) ?? '').trim().slice(0, MAX_SEARCH_LENGTH);

  const filterValues: Record<string, string> = {};
  for (const filter of filters ?? []) {
    const value = get(filter.id);
    if (value !== undefined && filter.options.some((option) => option.value === value)) filterValues[filter.id] = value;
  }

  return { page, pageSize, offset: (page - 1) * pageSize, sort, search, filters: filterValues as FilterValues<TFilters> };
}

function toInteger(value: string | undefined): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : undefined;
}

/** The allowed size closest to the requested one (the smaller on a tie); the first allowed size when none was asked. */
function nearest(requested: number | undefined, allowed: readonly number[]): number {
  const [first = 20] = allowed;
  if (requested === undefined) return first;
  return allowed.reduce((best, size) => {
    const distance = Math.abs(size - requested);
    const bestDistance = Math.abs(best - requested);
    return distance < bestDistance || (distance === bestDistance && size < best) ? size : best;
  }, first);
}

// ——— cursor pagination (lists read through the REST chassis' `starting_after` / `ending_before`) ———

/** URL parameter names of a cursor-paged table: the same names the REST API uses. */
export const CURSOR_PARAMS = { after: 'starting_after', before: 'ending_before' } as const;

export type CursorParams = { starting_after?: string; ending_before?: string };

/** Where the Previous (newer) and Next (older) buttons lead: `false` when there is nothing that way; `{}` is the first page. */
export type CursorPagination = {
  newer: false | { ending_before?: string };
  older: false | { starting_after: string };
};

const cursorPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** The cursor of the URL, if it looks like an id; `starting_after` wins when both are sent. */
export function parseCursorParams(searchParams: SearchParams | URLSearchParams): CursorParams {
  const get = (key: string) => {
    const value = searchParams instanceof URLSearchParams ? searchParams.get(key) : searchParams[key];
    const first = (Array.isArray(value) ? value[0] : value) ?? undefined;
    return first && cursorPattern.test(first) ? first : undefined;
  };
  const after = get(CURSOR_PARAMS.after);
  if (after) return { starting_after: after };
  const before = get(CURSOR_PARAMS.before);
  return before ? { ending_before: before } : {};
}

/**
 * The links of one page of a newest-first cursor list, from the cursor that fetched it and what came back.
 * Walking older (`starting_after`), there is a newer page whenever a cursor was used; walking newer
 * (`ending_before`), `has_more` says whether there is yet newer, and there is an older page below any row.
 */
export function cursorPagination(params: CursorParams, page: { data: readonly { id: string }[]; has_more: boolean }): CursorPagination {
  const first = page.data[0]?.id;
  const last = page.data.at(-1)?.id;
  if (params.ending_before) {
    return {
      newer: page.has_more && first ? { ending_before: first } : {},
      older: last ? { starting_after: last } : false,
    };
  }
  return {
    // From an empty page past the end, "newer" starts again at the top rather than guessing.
    newer: params.starting_after ? (first ? { ending_before: first } : {}) : false,
    older: page.has_more && last ? { starting_after: last } : false,
  };
}
