import type { FilterDef } from '@/lib/tables/table-params';

/** The partners table's URL contract: what may be sorted and filtered. Shared by the page and its parser. */
export const partnerTableFilters = [
  { id: 'status', label: 'Status', options: [{ value: 'active', label: 'Active' }, { value: 'suspended', label: 'Suspended' }] },
  { id: 'tier', label: 'Tier', options: [{ value: 'standard', label: 'Standard' }, { value: 'premium', label: 'Premium' }, { value: 'enterprise', label: 'Enterprise' }] },
] as const satisfies readonly FilterDef[];

export const partnerTableSortable = ['name', 'slug', 'tier', 'createdAt'] as const;
