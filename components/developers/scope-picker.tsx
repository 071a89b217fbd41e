'use client';

import { useActionFieldList } from '@/components/console/action-form';
import { allScopes, scopeResources, type ScopeResource } from '@/lib/api-keys/scopes';

const resources = Object.entries(scopeResources) as [ScopeResource, string][];

/** The scopes of a new API key: read and write per resource, as a group of checkboxes named `scopes`. */
export function ScopePicker({ defaults = [] }: { defaults?: readonly string[] }) {
  const { values, error, key } = useActionFieldList('scopes', defaults);
  return (
    <fieldset key={key} aria-describedby={error ? 'scopes-error' : 'scopes-hint'} className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">
        Scopes
        <span aria-hidden="true" className="text-red-700">
          {' '}
          *
        </span>
      </legend>
      <p id="scopes-hint" className="text-sm text-slate-600">
        Write includes read. Give each system only what it needs.
      </p>
      {/* Sized by the list's own width (a container query), not the window's: in a narrow card each row stacks, so
          every row's read and write boxes line up in the same two columns whatever the description's length. */}
      <ul className="@container divide-y divide-slate-100 rounded-md border border-slate-200">
        {resources.map(([resource, description]) => (
          <li key={resource} className="flex flex-col gap-2 px-3 py-2 @xl:flex-row @xl:items-center @xl:justify-between">
            <span className="min-w-0 text-sm">
              <span className="font-medium capitalize">{resource}</span> <span className="text-slate-600">— {description}</span>
            </span>
            <span className="flex shrink-0 gap-x-4">
              {(['read', 'write'] as const).map((access) => {
                const scope = `${resource}:${access}`;
                if (!(allScopes as string[]).includes(scope)) return <span key={access} className="w-44" aria-hidden="true" />;
                return (
                  <label key={access} className="inline-flex w-44 items-center gap-2 text-sm" data-testid={`scope-${access}`}>
                    <input type="checkbox" name="scopes" value={scope} defaultChecked={values.includes(scope)} className="size-4 accent-brand" />
                    <code>{scope}</code>
                  </label>
                );
              })}
            </span>
          </li>
        ))}
      </ul>
      {error ? (
        <p id="scopes-error" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
