import { permissionGroups } from '@/lib/agents/schemas';
import { invalid } from '@/lib/errors/app-error';
import { weekdays } from '@/lib/schedules/types';

/** One field of an item's structured form; `name` is the path of the item's content it fills. */
export type ItemFormField = { name: string; label: string; type: 'text' | 'select' | 'textarea'; options?: { value: string; label: string }[]; hint?: string };

const yesNo = [
  { value: 'true', label: 'Yes' },
  { value: 'false', label: 'No' },
];
const dayNames: Record<(typeof weekdays)[number], string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };
const scheduleFields: ItemFormField[] = [
  { name: 'timezone', label: 'Time zone', type: 'text', hint: 'An IANA zone, such as Asia/Kolkata.' },
  ...weekdays.map((day): ItemFormField => ({ name: `weekly.${day}`, label: dayNames[day], type: 'text', hint: day === 'mon' ? 'Open hours as 09:00-13:00, 14:00-18:00; empty: closed.' : undefined })),
  { name: 'holidays', label: 'Holidays', type: 'textarea', hint: 'One a line: name | first date | last date (optional) | hours (optional; none: closed all day).' },
];

const fieldsByKind: Record<string, ItemFormField[]> = {
  client_settings: [
    { name: 'extensionRange.first', label: 'First extension', type: 'text' },
    { name: 'extensionRange.last', label: 'Last extension', type: 'text' },
  ],
  agent_placeholder: [
    { name: 'name', label: 'Seat name', type: 'text', hint: 'A role until a person is named, such as Sales 1.' },
    { name: 'extension', label: 'Extension', type: 'text' },
    { name: 'permissionGroup', label: 'Permission group', type: 'select', options: permissionGroups.map((group) => ({ value: group, label: group })) },
    { name: 'webrtc', label: 'Dials by WebRTC', type: 'select', options: yesNo },
  ],
  voice_bot: [
    { name: 'name', label: 'Bot name', type: 'text' },
    { name: 'purpose', label: 'Purpose', type: 'text' },
    { name: 'wssUrl', label: 'WebSocket address', type: 'text', hint: 'wss://… The auth header is given at install.' },
    { name: 'apiUrl', label: 'API address', type: 'text', hint: 'Optional.' },
  ],
  call_flow: [
    { name: 'name', label: 'Flow name', type: 'text' },
    { name: 'agentExtension', label: 'Agent extension', type: 'text' },
    { name: 'transferTo', label: 'Transfer to', type: 'text', hint: 'An extension or a number in E.164; needed with a voice bot.' },
    { name: 'botName', label: 'Voice bot', type: 'text', hint: 'The name of a voice bot of the template or the client; empty: none.' },
    { name: 'welcomeRecordingName', label: 'Welcome recording', type: 'text', hint: 'The name of one of the client’s recordings; empty: none.' },
  ],
  number_schedule: scheduleFields,
  whatsapp_schedule: scheduleFields,
};

/** The structured form of a kind; a kind without one is edited as JSON. */
export const itemFormFields = (kind: string): ItemFormField[] | undefined => fieldsByKind[kind];

const at = (data: Record<string, unknown>, path: string): unknown => path.split('.').reduce<unknown>((value, part) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined), data);
const rangesText = (ranges: unknown) => (Array.isArray(ranges) ? ranges.map((range: { start: string; end: string }) => `${range.start}-${range.end}`).join(', ') : '');

/** An item's content as the form's starting values. */
export function formValuesOf(kind: string, data: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of itemFormFields(kind) ?? []) {
    const value = at(data, field.name);
    if (field.name.startsWith('weekly.')) values[field.name] = rangesText(value);
    else if (field.name === 'holidays')
      values[field.name] = ((value as { name: string; start_date: string; end_date?: string | null; hours?: unknown }[] | undefined) ?? [])
        .map((holiday) => [holiday.name, holiday.start_date, holiday.end_date && holiday.end_date !== holiday.start_date ? holiday.end_date : '', rangesText(holiday.hours)].join(' | ').replace(/( \| )+$/, ''))
        .join('\n');
    else values[field.name] = value === null || value === undefined ? '' : String(value);
  }
  return values;
}

function rangesFrom(text: string, field: string) {
  const pieces = text.split(',').map((piece) => piece.trim()).filter(Boolean);
  return pieces.map((piece) => {
    const match = /^(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/.exec(piece);
    if (!match) throw invalid(field, `“${piece}” is not a time range: write it as 09:00-18:00.`);
    return { start: match[1]!.padStart(5, '0'), end: match[2]!.padStart(5, '0') };
  });
}

function holidaysFrom(text: string, field: string) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, index) => {
      const [name = '', start = '', end = '', hours = ''] = line.split('|').map((part) => part.trim());
      if (!start) throw invalid(field, `Line ${index + 1}: give the holiday’s date after its name, as Diwali | 2027-11-08.`);
      return { name, start_date: start, ...(end ? { end_date: end } : {}), hours: hours ? rangesFrom(hours, field) : null };
    });
}

/**
 * The item's content from its form: each field put at its path, typed as the kind's schema expects (which
 * then checks it, so its errors stay the kind's own). Fields are named `data.<path>` in the form.
 */
/** Fields whose empty value means none. */
const optionalFields = new Set(['apiUrl', 'transferTo', 'botName', 'welcomeRecordingName']);

export function dataFromForm(kind: string, values: Record<string, string | undefined>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  const put = (path: string, value: unknown) => {
    const parts = path.split('.');
    let node = data;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts.at(-1)!] = value;
  };
  for (const field of itemFormFields(kind) ?? []) {
    const name = `data.${field.name}`;
    const raw = (values[name] ?? '').trim();
    if (field.name.startsWith('weekly.')) put(field.name, rangesFrom(raw, name));
    else if (field.name === 'holidays') put(field.name, holidaysFrom(raw, name));
    else if (field.name === 'webrtc') put(field.name, raw !== 'false');
    else if (field.name.startsWith('extensionRange.')) put(field.name, raw);
    else put(field.name, raw === '' && optionalFields.has(field.name) ? null : raw);
  }
  return data;
}


/** The form field an error of the item's content belongs beside (`weekly.mon.0.start` → `data.weekly.mon`). */
export function formFieldOfError(kind: string, path: string): string {
  const fields = itemFormFields(kind);
  if (!fields) return 'data';
  const match = fields.map((field) => field.name).filter((name) => path === name || path.startsWith(`${name}.`)).sort((a, b) => b.length - a.length)[0];
  return match ? `data.${match}` : 'data';
}
