'use client';

import { Fragment, useEffect, useId, useMemo, useRef, useState, useTransition, type ReactNode } from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import {
  columnFilteringFeature,
  createColumnHelper,
  filterFn_equalsString,
  functionalUpdate,
  globalFilteringFeature,
  metaHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type PaginationState,
  type RowData,
  type SortingState,
} from '@tanstack/react-table';
import { Button } from './button';
import { cn } from './cn';
import { CURSOR_PARAMS, TABLE_PARAMS, type CursorPagination, type FilterDef, type SortState } from '@/lib/tables/table-params';
import { Input } from './input';
import { Select } from './select';

export type DataTableColumnMeta = {
  /** Classes for both the header and the body cells of the column, e.g. 'text-right tabular-nums'. */
  className?: string;
};

/**
 * The server sorts, filters and pages (manual* options); the table only mirrors that state from the URL and
 * turns user intent into URL changes. No client row models are registered on purpose.
 */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  // The search box's feature needs it; filters themselves go straight to the URL (see setFilter).
  columnFilteringFeature,
  globalFilteringFeature,
  rowPaginationFeature,
  // Never runs (manualFiltering); registered so the table need not guess a filter function for each column.
  filterFns: { equalsString: filterFn_equalsString },
  columnMeta: metaHelper<DataTableColumnMeta>(),
});

export type DataTableFeatures = typeof dataTableFeatures;

// `any` is what TanStack's own column array uses: each column keeps its own value type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DataTableColumn<TData extends RowData> = ColumnDef<DataTableFeatures, TData, any>;

/** Column helper bound to the DataTable's features. Define columns at module scope in a client file. */
export function createDataTableColumnHelper<TData extends RowData>() {
  return createColumnHelper<DataTableFeatures, TData>();
}

export type DataTableProps<TData extends RowData> = {
  columns: readonly DataTableColumn<TData>[];
  /** The current page of rows, already sorted and filtered by the server. */
  data: readonly TData[];
  /** Row count across all pages. */
  total: number;
  /** The count stopped at `total` (a cap): there are at least that many rows, shown as "10,000+". */
  totalAtLeast?: boolean;
  page: number;
  pageSize: number;
  sort: SortState;
  /** Current search text; leave undefined to hide the search box. */
  search?: string;
  searchLabel?: string;
  filters?: readonly FilterDef[];
  filterValues?: Partial<Record<string, string>>;
  /** Offer a "Rows per page" choice when there is more than one size. */
  pageSizes?: readonly number[];
  /** Accessible name of the table (visually hidden caption). */
  caption: string;
  emptyMessage?: ReactNode;
  getRowId?: (row: TData) => string;
  /**
   * Cursor paging instead of page numbers, for lists read with `starting_after` / `ending_before`: the footer
   * offers Previous and Next like every list (newest first, so Previous is newer; and no page count; `total` is then ignored).
   */
  cursor?: CursorPagination;
  /**
   * More about a row, shown under it (e.g. a `<details>` with a payload); null for a row with nothing more. Needs a
   * client wrapper, as columns do.
   */
  renderDetails?: (row: TData) => ReactNode;
};

const numberFormat = new Intl.NumberFormat('en-US');
// Module-level defaults keep a stable identity, which the memoised table state below relies on.
const NO_FILTERS: readonly FilterDef[] = [];
const NO_FILTER_VALUES: Partial<Record<string, string>> = {};

export function DataTable<TData extends RowData>({
  columns,
  data,
  total,
  totalAtLeast = false,
  page,
  pageSize,
  sort,
  search,
  searchLabel = 'Search',
  filters = NO_FILTERS,
  filterValues = NO_FILTER_VALUES,
  pageSizes = [],
  caption,
  emptyMessage = 'Nothing to show.',
  getRowId,
  cursor,
  renderDetails,
}: DataTableProps<TData>) {
  const [pending, navigate] = useUrlUpdater();

  // Controlled state must keep its identity between renders, or the table sees a state change on every render.
  const sorting = useMemo<SortingState>(() => [{ id: sort.id, desc: sort.desc }], [sort.id, sort.desc]);
  const pagination = useMemo<PaginationState>(() => ({ pageIndex: page - 1, pageSize }), [page, pageSize]);
  const globalFilter = search ?? '';

  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId,
    defaultColumn: { filterFn: 'equalsString' },
    rowCount: total,
    state: { sorting, pagination, globalFilter },
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    enableMultiSort: false,
    // The URL always holds a sort (or the page's default), so a header click only flips direction.
    enableSortingRemoval: false,
    sortDescFirst: false,
    onSortingChange: (updater) => {
      const [next] = functionalUpdate(updater, sorting);
      navigate({ [TABLE_PARAMS.sort]: next?.id ?? null, [TABLE_PARAMS.dir]: next ? (next.desc ? 'desc' : 'asc') : null, [TABLE_PARAMS.page]: null });
    },
    onPaginationChange: (updater) => {
      const next = functionalUpdate(updater, pagination);
      const sizeChanged = next.pageSize !== pageSize;
      navigate({
        [TABLE_PARAMS.page]: sizeChanged || next.pageIndex === 0 ? null : String(next.pageIndex + 1),
        ...(sizeChanged ? { [TABLE_PARAMS.pageSize]: String(next.pageSize) } : {}),
      });
    },
    onGlobalFilterChange: (updater) => {
      const next: unknown = functionalUpdate(updater, globalFilter);
      navigate({ [TABLE_PARAMS.search]: typeof next === 'string' && next.trim() ? next.trim() : null, [TABLE_PARAMS.page]: null });
    },
  });

  const rows = table.getRowModel().rows;
  const leafColumnCount = table.getAllLeafColumns().length;
  const from = rows.length ? (page - 1) * pageSize + 1 : 0;
  const to = rows.length ? from + rows.length - 1 : 0;
  // A select names its own value: it goes straight to the URL, so choosing "All" clears a filter that is still
  // only requested (not yet in the shown state), which a diff against the shown state would miss.
  const setFilter = (id: string, value: string) => navigate({ [id]: value || null, [TABLE_PARAMS.page]: null });

  return (
    <div className="space-y-3">
      {search !== undefined || filters.length ? (
        <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end">
          {search !== undefined ? <SearchBox value={search} label={searchLabel} onSearch={(value) => table.setGlobalFilter(value)} /> : null}
          {filters.map((filter) => (
            <FilterSelect key={filter.id} filter={filter} value={filterValues[filter.id] ?? ''} onChange={(value) => setFilter(filter.id, value)} />
          ))}
        </div>
      ) : null}

      {/* Focusable and named, so a table wider than a phone's screen can be scrolled from the keyboard too. */}
      <div role="region" aria-label={caption} tabIndex={0} aria-busy={pending || undefined} className={cn('relative overflow-x-auto rounded-lg border border-slate-200 bg-white transition-opacity', pending && 'opacity-60')}>
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const column = header.column;
                  const sorted = column.getIsSorted();
                  const className = column.columnDef.meta?.className;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      colSpan={header.colSpan}
                      aria-sort={column.getCanSort() ? (sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none') : undefined}
                      className={cn('px-4 py-2.5 text-left font-semibold whitespace-nowrap text-slate-700', className)}
                    >
                      {header.isPlaceholder ? null : column.getCanSort() ? (
                        <button type="button" onClick={column.getToggleSortingHandler()} className="-mx-1 inline-flex items-center gap-1 rounded px-1 hover:text-slate-950">
                          <table.FlexRender header={header} />
                          <SortIcon direction={sorted} />
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.length ? (
              rows.map((row) => {
                const details = renderDetails?.(row.original);
                const hasDetails = details !== undefined && details !== null && details !== false;
                return (
                  <Fragment key={row.id}>
                    {/* With details, the row and its details read as one: no divider between them. */}
                    <tr className={cn(hasDetails ? 'border-b-0' : 'hover:bg-slate-50')}>
                      {row.getAllCells().map((cell) => (
                        <td key={cell.id} className={cn('px-4 py-2.5 text-slate-800', hasDetails && 'pb-1', cell.column.columnDef.meta?.className)}>
                          <table.FlexRender cell={cell} />
                        </td>
                      ))}
                    </tr>
                    {hasDetails ? (
                      <tr>
                        <td colSpan={leafColumnCount} className="px-4 pt-0 pb-2.5 text-slate-800">
                          {details}
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })
            ) : (
              <tr>
                <td colSpan={leafColumnCount} className="px-4 py-10 text-center text-slate-600">
                  {emptyMessage}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>

      {cursor ? (
        <nav aria-label="Pagination" className="flex flex-col gap-3 text-sm text-slate-700 sm:flex-row sm:items-center sm:justify-between">
          <p>{`${numberFormat.format(rows.length)} shown`}</p>
          <div className="flex flex-wrap items-center gap-2">
            {pageSizes.length > 1 ? (
              <PageSizeSelect value={pageSize} sizes={pageSizes} onChange={(size) => navigate({ [TABLE_PARAMS.pageSize]: String(size), [TABLE_PARAMS.page]: null })} />
            ) : null}
            <Button
              variant="secondary"
              size="sm"
              disabled={!cursor.newer}
              onClick={() => cursor.newer && navigate({ [CURSOR_PARAMS.after]: null, [CURSOR_PARAMS.before]: cursor.newer.ending_before ?? null })}
            >
              Previous
            </Button>
            <Button
              variant="secondary"
              size="sm"
              disabled={!cursor.older}
              onClick={() => cursor.older && navigate({ [CURSOR_PARAMS.before]: null, [CURSOR_PARAMS.after]: cursor.older.starting_after })}
            >
              Next
            </Button>
          </div>
        </nav>
      ) : (
        <nav aria-label="Pagination" className="flex flex-col gap-3 text-sm text-slate-700 sm:flex-row sm:items-center sm:justify-between">
          <p>{total > 0 && rows.length ? `Showing ${numberFormat.format(from)}–${numberFormat.format(to)} of ${numberFormat.format(total)}${totalAtLeast ? '+' : ''}` : `${numberFormat.format(total)} results`}</p>
          <div className="flex flex-wrap items-center gap-2">
            {pageSizes.length > 1 ? (
              <PageSizeSelect value={pageSize} sizes={pageSizes} onChange={(size) => table.setPageSize(size)} />
            ) : null}
            <Button variant="secondary" size="sm" disabled={!table.getCanPreviousPage()} onClick={() => table.previousPage()}>
              Previous
            </Button>
            <Button variant="secondary" size="sm" disabled={!table.getCanNextPage()} onClick={() => table.nextPage()}>
              Next
            </Button>
          </div>
        </nav>
      )}
    </div>
  );
}

/** Applies param changes to the current URL (keeping the rest) and reports whether the server is re-rendering. */
function useUrlUpdater() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const current = searchParams.toString();
  // The last URL asked for and not yet shown: a second change made before the first lands builds on it,
  // instead of on the URL the first is replacing (which would undo the first).
  const requested = useRef<string | null>(null);
  useEffect(() => {
    if (!pending || requested.current === current) requested.current = null;
  }, [current, pending]);

  function navigate(changes: Record<string, string | null>) {
    const params = new URLSearchParams(requested.current ?? current);
    // Going back to the first page (a new filter, sort, search or page size) also drops a cursor.
    if (TABLE_PARAMS.page in changes) {
      params.delete(CURSOR_PARAMS.after);
      params.delete(CURSOR_PARAMS.before);
    }
    for (const [key, value] of Object.entries(changes)) {
      if (value) params.set(key, value);
      else params.delete(key);
    }
    const query = params.toString();
    requested.current = query;
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  }

  return [pending, navigate] as const;
}

const SEARCH_DEBOUNCE_MS = 300;

function SearchBox({ value, label, onSearch }: { value: string; label: string; onSearch: (value: string) => void }) {
  const id = useId();
  const [text, setText] = useState(value);
  const [seenValue, setSeenValue] = useState(value);
  const [editing, setEditing] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  // Follow URL changes made elsewhere (back button, a "clear" link), but never overwrite what the user is typing.
  if (value !== seenValue) {
    setSeenValue(value);
    if (!editing) setText(value);
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  function flush(next: string) {
    clearTimeout(timer.current);
    if (next.trim() !== value) onSearch(next);
  }

  return (
    <form
      role="search"
      className="w-full sm:max-w-xs"
      onSubmit={(event) => {
        event.preventDefault();
        flush(text);
      }}
    >
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
      </label>
      <Input
        id={id}
        type="search"
        value={text}
        onFocus={() => setEditing(true)}
        onBlur={() => {
          setEditing(false);
          flush(text);
        }}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => flush(next), SEARCH_DEBOUNCE_MS);
        }}
      />
    </form>
  );
}

function FilterSelect({ filter, value, onChange }: { filter: FilterDef; value: string; onChange: (value: string) => void }) {
  const id = useId();
  // The choice shows at once, while the server renders it; a URL change made elsewhere (back button) wins.
  const [chosen, setChosen] = useState(value);
  const [seenValue, setSeenValue] = useState(value);
  if (value !== seenValue) {
    setSeenValue(value);
    setChosen(value);
  }
  return (
    <div className="w-full sm:w-44">
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
        {filter.label}
      </label>
      <Select
        id={id}
        value={chosen}
        onChange={(event) => {
          setChosen(event.target.value);
          onChange(event.target.value);
        }}
      >
        <option value="">All</option>
        {filter.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </div>
  );
}

function PageSizeSelect({ value, sizes, onChange }: { value: number; sizes: readonly number[]; onChange: (size: number) => void }) {
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="whitespace-nowrap">
        Rows per page
      </label>
      <Select id={id} value={value} onChange={(event) => onChange(Number(event.target.value))} className="w-auto py-1">
        {sizes.map((size) => (
          <option key={size} value={size}>
            {size}
          </option>
        ))}
      </Select>
    </div>
  );
}

function SortIcon({ direction }: { direction: false | 'asc' | 'desc' }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 12 12" className={cn('size-3', direction ? 'text-slate-900' : 'text-slate-400')} fill="currentColor">
      {direction !== 'desc' ? <path d="M6 1.5 9.5 5h-7z" opacity={direction === 'asc' ? 1 : 0.6} /> : null}
      {direction !== 'asc' ? <path d="M6 10.5 2.5 7h7z" opacity={direction === 'desc' ? 1 : 0.6} /> : null}
    </svg>
  );
}
