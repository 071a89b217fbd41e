import type { ReactNode } from 'react';
import { cn } from './cn';

export type PlainColumn = { label: string; align?: 'right' };

/**
 * A small static table (a few rows the server already has, no sorting or paging): a caption for screen readers,
 * one header row, and the body rows the caller draws. Larger lists use the data table.
 */
export function PlainTable({ caption, columns, dense = false, children }: { caption: string; columns: readonly PlainColumn[]; dense?: boolean; children: ReactNode }) {
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-200 text-left text-slate-600">
          {columns.map((column) => (
            <th key={column.label} scope="col" className={cn(dense ? 'py-1.5' : 'py-2', 'font-medium', column.align === 'right' && 'text-right')}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
