'use client';

import { useState } from 'react';
import { InlineText } from '@/components/api-docs/rich-text';
import { useActionFieldList } from '@/components/console/action-form';
import { eventCatalogue, highVolumeEventTypes, type EventType } from '@/lib/events/catalogue';

const catalogue = Object.entries(eventCatalogue) as [EventType, string][];

/** The event types an endpoint receives, as checkboxes named `eventTypes`; "All events" sends `*`. */
export function EventTypePicker({ defaults = ['*'], idPrefix = 'events' }: { defaults?: readonly string[]; idPrefix?: string }) {
  const { values, error, key } = useActionFieldList('eventTypes', defaults);
  return <Choices key={key} initial={values} error={error} idPrefix={idPrefix} />;
}

function Choices({ initial, error, idPrefix }: { initial: readonly string[]; error?: string; idPrefix: string }) {
  const [all, setAll] = useState(initial.includes('*'));
  const hintId = `${idPrefix}-hint`;
  const errorId = `${idPrefix}-error`;
  return (
    <fieldset aria-describedby={error ? `${errorId} ${hintId}` : hintId} className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">
        Events
        <span aria-hidden="true" className="text-red-700">
          {' '}
          *
        </span>
      </legend>
      <p id={hintId} className="text-sm text-slate-600">
        Which events are sent to this endpoint. A test event can always be sent by hand.
      </p>
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
        <li className="px-3 py-2">
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="eventTypes" value="*" defaultChecked={all} onChange={(event) => setAll(event.target.checked)} className="mt-0.5 size-4 accent-brand" />
            <span>
              <span className="font-medium">All events</span> <span className="text-slate-600">— including types added later, except the high-volume ones below, which are sent only when ticked</span>
            </span>
          </label>
        </li>
        {catalogue.map(([type, description]) => {
          // Covered by "All events" while it is chosen: disabled, so only `*` is sent. High-volume types are not
          // covered by `*`: they stay choosable, and off unless ticked.
          const covered = all && !highVolumeEventTypes.has(type);
          return (
            <li key={type} className="px-3 py-2">
              <label className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="eventTypes" value={type} defaultChecked={initial.includes(type)} disabled={covered} className="mt-0.5 size-4 accent-brand" />
                <span className={covered ? 'text-slate-500' : undefined}>
                  <code className="font-medium">{type}</code>
                  {highVolumeEventTypes.has(type) ? <span className="ml-1 text-xs font-medium text-amber-800">high-volume</span> : null} <span className="text-slate-600">— <InlineText text={description} /></span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      {error ? (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
