/**
 * URL search params ⇄ table query. Pure and framework-free so server pages, the client DataTable and tests
 * all agree on the same parameter names and the same validation.
 */

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

  const search = (get(TABLE_PARAMS.search) ?? '').trim().slice(0, MAX_SEARCH_LENGTH);

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
