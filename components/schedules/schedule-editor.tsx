'use client';

import { ActionForm, ActionTextField, useActionFormState } from '@/components/console/action-form';
import { ConfirmAction } from '@/components/console/confirm-action';
import { TextField } from '@/components/ui/form-field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormState } from '@/lib/actions/form-state';
import { formatRanges } from '@/lib/schedules/time-of-day';
import { weekdayNames, weekdays, type Holiday, type WeeklyHours } from '@/lib/schedules/types';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export type ScheduleEditorProps = {
  subjectId: string;
  timezone: string;
  weekly: WeeklyHours;
  /** Holidays that have not ended yet, soonest first. */
  holidays: Holiday[];
  /** Zone names offered while typing. */
  zones: string[];
  actions: { setHours: Action; addHoliday: Action; deleteHoliday: Action };
  canEdit: boolean;
};

/** The first error reported for a field or anything inside it (`weekly.mon` for `weekly.mon.0.end`). */
function useNestedError(name: string): string | undefined {
  const state = useActionFormState();
  if (state.status !== 'error' || !state.fieldErrors) return undefined;
  return Object.entries(state.fieldErrors).find(([key]) => key === name || key.startsWith(`${name}.`))?.[1];
}

function RangesField({ name, label, defaultValue, hint }: { name: string; label: string; defaultValue: string; hint?: string }) {
  const state = useActionFormState();
  const error = useNestedError(name);
  const echoed = state.status === 'error' ? state.values?.[name] : undefined;
  return <TextField key={state.at} label={label} name={name} hint={hint} defaultValue={echoed ?? defaultValue} error={error} placeholder="Closed" autoComplete="off" />;
}

function HoursForm({ subjectId, timezone, weekly, zones, action }: Pick<ScheduleEditorProps, 'subjectId' | 'timezone' | 'weekly' | 'zones'> & { action: Action }) {
  return (
    <ActionForm action={action} className="space-y-4">
      <input type="hidden" name="subject_id" value={subjectId} />
      <ActionTextField label="Time zone" name="timezone" required defaultValue={timezone} list="schedule-zones" autoComplete="off" hint="An IANA zone such as Asia/Kolkata; daylight saving follows it." />
      <datalist id="schedule-zones">
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 text-sm text-slate-600">Ranges such as 09:00–13:00, 14:00–18:00. An end before the start runs past midnight; 24:00 ends the day. Leave a day empty to close it.</legend>
        {weekdays.map((day) => (
          <RangesField key={day} name={`weekly.${day}`} label={weekdayNames[day]} defaultValue={formatRanges(weekly[day])} />
        ))}
      </fieldset>
      <SubmitButton pendingLabel="Saving…">Save working hours</SubmitButton>
    </ActionForm>
  );
}

function HolidayForm({ subjectId, action }: { subjectId: string; action: Action }) {
  return (
    <ActionForm action={action} className="grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="subject_id" value={subjectId} />
      <ActionTextField label="Name" name="name" required maxLength={100} placeholder="Diwali" fieldClassName="sm:col-span-2" />
      <ActionTextField label="Date" name="start_date" type="date" required />
      <ActionTextField label="Last date" name="end_date" type="date" hint="For a range of dates; leave empty for one day." />
      <div className="sm:col-span-2">
        <RangesField name="hours" label="Special hours" defaultValue="" hint="Leave empty to close all day, or give the hours that day, such as 10:00–14:00." />
      </div>
      <div className="sm:col-span-2">
        <SubmitButton variant="secondary" pendingLabel="Adding…">
          Add holiday
        </SubmitButton>
      </div>
    </ActionForm>
  );
}

function describeHoliday(holiday: Holiday): string {
  const dates = holiday.startDate === holiday.endDate ? holiday.startDate : `${holiday.startDate} to ${holiday.endDate}`;
  return `${dates}: ${holiday.hours ? `special hours ${formatRanges(holiday.hours)}` : 'closed'}`;
}

/** The console's editor of one subject's working hours and holidays; each change is a server action of the page. */
export function ScheduleEditor({ subjectId, timezone, weekly, holidays, zones, actions, canEdit }: ScheduleEditorProps) {
  return (
    <div className="space-y-6">
      <section aria-labelledby="holidays-heading" className="space-y-2">
        <h3 id="holidays-heading" className="text-sm font-semibold text-slate-900">
          Next holidays
        </h3>
        {holidays.length === 0 ? (
          <p className="text-sm text-slate-600">No holidays ahead.</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
            {holidays.map((holiday) => (
              <li key={holiday.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                <span>
                  <span className="font-medium text-slate-900">{holiday.name}</span> <span className="text-slate-600">{describeHoliday(holiday)}</span>
                </span>
                {canEdit ? (
                  <ConfirmAction action={actions.deleteHoliday} fields={{ subject_id: subjectId, holiday_id: holiday.id }} triggerLabel={`Delete ${holiday.name}`} triggerVariant="ghost" triggerSize="sm" tone="danger" title={`Delete ${holiday.name}?`} description="Its dates follow the working hours again." confirmLabel="Delete" />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      {canEdit ? (
        <>
          <section aria-labelledby="hours-heading" className="space-y-2">
            <h3 id="hours-heading" className="text-sm font-semibold text-slate-900">
              Working hours
            </h3>
            <HoursForm subjectId={subjectId} timezone={timezone} weekly={weekly} zones={zones} action={actions.setHours} />
          </section>
          <section aria-labelledby="add-holiday-heading" className="space-y-2">
            <h3 id="add-holiday-heading" className="text-sm font-semibold text-slate-900">
              Add a holiday
            </h3>
            <HolidayForm subjectId={subjectId} action={actions.addHoliday} />
          </section>
        </>
      ) : null}
    </div>
  );
}
