import type { FilterDef } from '@/lib/tables/table-params';

/**
 * The clients table's URL contract, shared by the page, its CSV export and the query: what may be sorted and
 * filtered. "KYC" is whether the client came through onboarding (a completed registration holds its verified
 * KYC) or was added without it (demo and seeded clients).
 */
export const clientTableFilters = [
  { id: 'status', label: 'Status', options: [{ value: 'active', label: 'Active' }, { value: 'inactive', label: 'Inactive' }, { value: 'pending', label: 'Pending' }] },
  { id: 'kyc', label: 'KYC stage', options: [{ value: 'completed', label: 'KYC completed' }, { value: 'not_onboarded', label: 'Not onboarded' }] },
] as const satisfies readonly FilterDef[];

export const clientTableSortable = ['name', 'createdAt'] as const;

export type ClientSort = { id: (typeof clientTableSortable)[number]; desc: boolean };
export type ClientKycFilter = 'completed' | 'not_onboarded';

export const clientTableDefaults = { sort: { id: 'createdAt', desc: true } as ClientSort, pageSizes: [20, 50, 100] as const };
