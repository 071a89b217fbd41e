import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { FormField, TextField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';

const types = [
  ['top_up', 'Credits'],
  ['charge', 'Charges'],
  ['refund', 'Refunds'],
  ['purchase', 'Purchases'],
  ['allocation', 'Allocations'],
  ['reclaim', 'Reclaims'],
  ['adjustment', 'Adjustments'],
] as const;

/** A plain GET form: filters live in the URL, so a filtered statement can be bookmarked and exported as shown. */
export function StatementFilterForm({ values, clearHref, label }: { values: Record<string, string>; clearHref: string; label: string }) {
  return (
    <form method="get" role="search" aria-label={label} className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end">
      <FormField label="Type" name="type" className="w-full sm:w-40">
        {(control) => (
          <Select {...control} defaultValue={values.type ?? ''}>
            <option value="">All</option>
            {types.map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <TextField label="From" name="from" type="date" defaultValue={values.from ?? ''} fieldClassName="w-full sm:w-44" />
      <TextField label="To" name="to" type="date" defaultValue={values.to ?? ''} fieldClassName="w-full sm:w-44" />
      <TextField label="Number" name="number" defaultValue={values.number ?? ''} placeholder="+911143104501" fieldClassName="w-full sm:w-52" autoComplete="off" />
      <div className="flex gap-2">
        <button type="submit" className={buttonClasses({ variant: 'secondary' })}>
          Filter
        </button>
        {Object.keys(values).length ? (
          <Link href={clearHref} className={buttonClasses({ variant: 'ghost' })}>
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}
