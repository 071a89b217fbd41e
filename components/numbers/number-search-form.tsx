'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useRef, useTransition } from 'react';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';

type Option = { value: string; label: string };

/**
 * The number search: results follow as you type or choose (the page re-renders with the new query), and the
 * form still works as a plain GET without JavaScript.
 */
export function NumberSearchForm({ regions, types, modes, errors }: { regions: Option[]; types: Option[]; modes: Option[]; errors: Record<string, string> }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  function update(form: HTMLFormElement) {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const next = new URLSearchParams();
      for (const [key, value] of new FormData(form)) if (typeof value === 'string' && value) next.set(key, value);
      startTransition(() => router.replace(`${pathname}?${next.toString()}`, { scroll: false }));
    }, 250);
  }

  return (
    <form method="get" role="search" aria-label="Search numbers" className="grid gap-3 sm:grid-cols-5" onChange={(e) => update(e.currentTarget)} onSubmit={(e) => (e.preventDefault(), update(e.currentTarget))}>
      <Choice label="Region" name="region" options={regions} value={params.get('region') ?? ''} any="All regions" />
      <Choice label="Type" name="type" options={types} value={params.get('type') ?? ''} any="Any type" />
      <Choice label="Match" name="mode" options={modes} value={params.get('mode') ?? 'contains'} />
      <label className={`${field} sm:col-span-2`}>
        Digits
        <Input name="pattern" inputMode="numeric" placeholder="e.g. 4310" defaultValue={params.get('pattern') ?? ''} aria-invalid={errors.pattern ? true : undefined} aria-describedby={errors.pattern ? 'pattern-error' : undefined} />
        {errors.pattern ? (
          <span id="pattern-error" className="text-sm text-red-700">
            {errors.pattern}
          </span>
        ) : null}
      </label>
      <p className="text-sm text-slate-600 sm:col-span-5" aria-live="polite">
        {pending ? 'Searching…' : null}
      </p>
    </form>
  );
}

const field = 'flex flex-col gap-1 text-sm font-medium text-slate-700';

/** One of the search's choices, with an optional "any" first option. */
function Choice({ label, name, options, value, any }: { label: string; name: string; options: readonly { value: string; label: string }[]; value: string; any?: string }) {
  return (
    <label className={field}>
      {label}
      <Select name={name} defaultValue={value}>
        {any ? <option value="">{any}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </label>
  );
}
