import { describe, expect, it } from 'vitest';
import { cursorPagination, parseCursorParams, parseTableParams, TABLE_PARAMS, type FilterDef } from '@/lib/tables/table-params';

const STATUS = { id: 'status', label: 'Status', options: [{ value: 'active', label: 'Active' }, { value: 'suspended', label: 'Suspended' }] } as const satisfies FilterDef;

const options = {
  sortable: ['name', 'createdAt'],
  defaultSort: { id: 'createdAt', desc: true },
  pageSizes: [20, 50, 100],
  filters: [STATUS],
} as const;

const parse = (params: Record<string, string | string[] | undefined>) => parseTableParams(params, options);

describe('parseTableParams', () => {
  it('falls back to defaults for an empty query', () => {
    expect(parse({})).toEqual({ page: 1, pageSize: 20, offset: 0, sort: { id: 'createdAt', desc: true }, search: '', filters: {} });
  });

  it('reads a valid query', () => {
    expect(parse({ page: '3', size: '50', sort: 'name', dir: 'asc', q: '  acme  ', status: 'suspended' })).toEqual({
      page: 3,
      pageSize: 50,
      offset: 100,
      sort: { id: 'name', desc: false },
      search: 'acme',
      filters: { status: 'suspended' },
    });
  });

  it('uses the default sort for an unknown column, and ascending for a missing or odd direction', () => {
    expect(parse({ sort: 'password', dir: 'asc' }).sort).toEqual({ id: 'createdAt', desc: true });
    expect(parse({ sort: 'name' }).sort).toEqual({ id: 'name', desc: false });
    expect(parse({ sort: 'name', dir: 'sideways' }).sort).toEqual({ id: 'name', desc: false });
    expect(parse({ sort: 'name', dir: 'desc' }).sort).toEqual({ id: 'name', desc: true });
  });

  it.each([['0'], ['-2'], ['abc'], ['1.5'], [''], ['99999999999999999999']])('turns page %j into 1', (page) => {
    expect(parse({ page }).page).toBe(1);
  });

  it('snaps the page size to the nearest allowed size', () => {
    expect(parse({ size: '1' }).pageSize).toBe(20);
    expect(parse({ size: '45' }).pageSize).toBe(50);
    expect(parse({ size: '75' }).pageSize).toBe(50); // a tie goes to the smaller size
    expect(parse({ size: '10000' }).pageSize).toBe(100);
    expect(parse({ size: 'lots' }).pageSize).toBe(20);
    expect(parse({ page: '2', size: '100' }).offset).toBe(100);
  });

  it('drops filter values that are not among the options', () => {
    expect(parse({ status: 'deleted' }).filters).toEqual({});
    expect(parse({ status: '' }).filters).toEqual({});
  });

  it('drops what the database cannot store from the search', () => {
    expect(parse({ q: 'ac\u0000me\ud800' }).search).toBe('acme');
    expect(parse({ q: '\u0000' }).search).toBe('');
  });

  it('caps the search length', () => {
    expect(parse({ q: 'x'.repeat(500) }).search).toHaveLength(200);
  });

  it('takes the first value of a repeated parameter', () => {
    expect(parse({ page: ['2', '5'], status: ['active', 'suspended'] })).toMatchObject({ page: 2, filters: { status: 'active' } });
  });

  it('accepts URLSearchParams too', () => {
    const params = new URLSearchParams({ [TABLE_PARAMS.page]: '4', [TABLE_PARAMS.sort]: 'name', [TABLE_PARAMS.dir]: 'desc' });
    expect(parseTableParams(params, options)).toMatchObject({ page: 4, sort: { id: 'name', desc: true } });
  });

  it('defaults to the first of the standard page sizes', () => {
    expect(parseTableParams({}, { sortable: ['name'], defaultSort: { id: 'name', desc: false } }).pageSize).toBe(20);
  });

  it('types the result from the options', () => {
    const { sort, filters } = parse({});
    const id: 'name' | 'createdAt' = sort.id;
    const status: 'active' | 'suspended' | undefined = filters.status;
    expect([id, status]).toEqual(['createdAt', undefined]);
  });
});

describe('cursor pagination', () => {
  const rows = (...ids: string[]) => ids.map((id) => ({ id }));

  it('reads one well-formed cursor', () => {
    expect(parseCursorParams({})).toEqual({});
    expect(parseCursorParams({ starting_after: 'whd_01abc' })).toEqual({ starting_after: 'whd_01abc' });
    expect(parseCursorParams({ ending_before: 'whd_01abc' })).toEqual({ ending_before: 'whd_01abc' });
    expect(parseCursorParams({ starting_after: 'a', ending_before: 'b' })).toEqual({ starting_after: 'a' });
    expect(parseCursorParams({ starting_after: "x' or 1=1" })).toEqual({});
    expect(parseCursorParams({ starting_after: 'x'.repeat(65) })).toEqual({});
  });

  it('the first page has only an older link, and only when there is more', () => {
    expect(cursorPagination({}, { data: rows('c', 'b'), has_more: true })).toEqual({ newer: false, older: { starting_after: 'b' } });
    expect(cursorPagination({}, { data: rows('c', 'b'), has_more: false })).toEqual({ newer: false, older: false });
    expect(cursorPagination({}, { data: [], has_more: false })).toEqual({ newer: false, older: false });
  });

  it('walking older, a newer page is always there', () => {
    expect(cursorPagination({ starting_after: 'd' }, { data: rows('c', 'b'), has_more: false })).toEqual({ newer: { ending_before: 'c' }, older: false });
    expect(cursorPagination({ starting_after: 'd' }, { data: [], has_more: false })).toEqual({ newer: {}, older: false });
  });

  it('walking newer, an older page is always there and has_more says whether there is a newer one', () => {
    expect(cursorPagination({ ending_before: 'b' }, { data: rows('d', 'c'), has_more: true })).toEqual({ newer: { ending_before: 'd' }, older: { starting_after: 'c' } });
    expect(cursorPagination({ ending_before: 'b' }, { data: rows('d', 'c'), has_more: false })).toEqual({ newer: {}, older: { starting_after: 'c' } });
  });
});
