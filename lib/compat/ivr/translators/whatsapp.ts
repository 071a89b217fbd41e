import { z } from 'zod';
import { toScheduleResource } from '@/lib/api/operations/schedule-resources';
import { addWhatsappHolidayOperation, deleteWhatsappHolidayOperation, getWhatsappScheduleOperation, linkWhatsappNumberOperation, listWhatsappNumbersOperation, setWhatsappScheduleOperation, toWhatsappNumberResource, unlinkWhatsappNumberOperation } from '@/lib/api/operations/whatsapp';
import { getClient } from '@/lib/clients/manage-clients';
import { parseInput } from '@/lib/errors/zod';
import { alwaysOpenWeek, defaultTimezone } from '@/lib/schedules/view';
import { toWorkingHours, workingHoursInputShape } from '@/lib/schedules/working-hours';
import { linkWhatsappNumber, unlinkWhatsappNumber } from '@/lib/whatsapp/manage-numbers';
import { addWhatsappHoliday, deleteWhatsappHolidayById, getWhatsappSchedule, setWhatsappHours } from '@/lib/whatsapp/number-schedules';
import { listNumbersWithSchedules, numberWithSchedule, type NumberWithSchedule } from '@/lib/whatsapp/read-numbers';
import { available, type DataField } from '../endpoint';
import type { IvrField } from '../fields';
import { text } from '../fields';

/** IVR Solutions' "WhatsApp" group: Cloud API numbers linked to a client, and their schedules and holidays. */

const group = 'WhatsApp' as const;

const clientId = text('client_id', 'client_id', { difference: 'The client id (cli_…); another partner’s answers 404.' });
const waDidId = text('wa_did_id', 'whatsapp_number_id', { difference: 'The linked number’s id (wan_…), as link_whatsapp_did and get_whatsapp_dids answer it.' });

const numberData: DataField[] = [
  { name: 'wa_did_id', from: 'id', note: 'The linked number’s id (wan_…): what the other WhatsApp calls take as wa_did_id.' },
  { name: 'client_id', from: 'client_id' },
  { name: 'phone_number_id', from: 'phone_number_id' },
  { name: 'display_number', from: 'display_phone_number', note: 'Meta’s display number, which wins over the one sent.' },
  { name: 'verified_name', from: 'verified_name', note: 'Meta’s verified name, which wins over the one sent.' },
  { name: 'status', from: 'status', note: 'Not an IVR Solutions field: active, token_expired, needs_attention or unlinked.' },
  { name: 'differs_from_sent', from: 'differs_from_sent', note: 'Not an IVR Solutions field: which of the sent display_number and verified_name differ from Meta’s.' },
  { name: 'quality_rating', from: 'health.quality_rating', note: 'Not an IVR Solutions field: GREEN, YELLOW, RED.' },
  { name: 'can_send_message', from: 'health.can_send_message', note: 'Not an IVR Solutions field: AVAILABLE, LIMITED, BLOCKED.' },
  { name: 'token_expires_at', from: 'token_expires_at', note: 'Not an IVR Solutions field: when the token expires (null: never). The token itself is never returned.' },
  { name: 'open_now', from: 'schedule_status.open', note: 'Not an IVR Solutions field: inside working hours now.' },
];

const resourceOf = (item: NumberWithSchedule) => toWhatsappNumberResource(item.number, item.scheduleStatus);

export const linkWhatsappDid = available({
  group,
  method: 'POST',
  path: 'link_whatsapp_did',
  summary: 'Register/Link a WhatsApp Business number',
  example: { client_id: 'CLIENTAPIKEY12345', phone_number_id: '1029384756', access_token: 'EAAG...', display_number: '+911143104501', verified_name: 'Acme Corp' },
  rest: linkWhatsappNumberOperation,
  fields: {
    client_id: clientId,
    phone_number_id: text('phone_number_id', 'phone_number_id'),
    access_token: text('access_token', 'access_token', { difference: 'Verified with Meta before anything is saved (debug_token and a read of the number); stored encrypted and never returned.' }),
    display_number: text('display_number', 'display_number', { required: false, difference: 'Meta’s display number wins; a difference is reported in differs_from_sent.' }),
    verified_name: text('verified_name', 'verified_name', { required: false, difference: 'Meta’s verified name wins; a difference is reported in differs_from_sent.' }),
  },
  data: { shape: 'object', fields: numberData },
  differences: ['Meta’s error codes answer as stable error codes (whatsapp_token_expired, whatsapp_number_not_accessible, …), nothing saved. Linking the same number again for the same client replaces its token.'],
  call: async (ctx, input) => resourceOf(await numberWithSchedule(ctx, await linkWhatsappNumber(ctx, input))),
  message: () => 'WhatsApp number linked',
});

export const getWhatsappDids = available({
  group,
  method: 'POST',
  path: 'get_whatsapp_dids',
  summary: 'Get WhatsApp DIDs for a client',
  example: { client_id: 'CLIENTAPIKEY12345' },
  rest: listWhatsappNumbersOperation,
  fields: { client_id: clientId },
  data: { shape: 'list', fields: numberData },
  differences: ['Linked numbers only, newest first (unlinked ones are listed over REST with status=unlinked).'],
  call: async (ctx, input) => {
    await getClient(ctx, input.client_id);
    const items: NumberWithSchedule[] = [];
    for (let after: string | undefined, more = true; more; ) {
      const page = await listNumbersWithSchedules(ctx, { client_id: input.client_id, limit: 100, starting_after: after });
      items.push(...page.data);
      more = page.has_more && page.data.length > 0;
      after = page.data.at(-1)?.number.id;
    }
    return items.map(resourceOf);
  },
  message: (result) => `${result.length} WhatsApp numbers`,
});

export const deleteWhatsappDid = available({
  group,
  method: 'POST',
  path: 'delete_whatsapp_did',
  summary: 'Delete/Unlink a WhatsApp DID',
  example: { client_id: 'CLIENTAPIKEY12345', wa_did_id: '45' },
  rest: unlinkWhatsappNumberOperation,
  fields: { client_id: clientId, wa_did_id: waDidId },
  data: { shape: 'object', fields: numberData },
  differences: ['The token is erased and the schedule removed; the number stays listed over REST as unlinked.'],
  call: async (ctx, input) => resourceOf(await numberWithSchedule(ctx, await unlinkWhatsappNumber(ctx, input.whatsapp_number_id, { clientId: input.client_id }))),
  message: () => 'WhatsApp number unlinked',
});

const scheduleData: DataField[] = [
  { name: 'wa_did_id', from: 'wa_did_id' },
  { name: 'timezone', from: 'timezone' },
  { name: 'working_hours', from: 'working_hours', note: 'Keyed by day: {"open","close"}, a list of them for a split day, null for a closed day.' },
  { name: 'holidays', from: 'holidays', note: 'Each {holiday_id, name, date, end_date, hours}; hours null for closed.' },
  { name: 'open_now', from: 'status.open', note: 'Not an IVR Solutions field: inside working hours now.' },
  { name: 'next_change_at', from: 'status.next_change_at', note: 'Not an IVR Solutions field: when open_now flips next.' },
];

const fallback = { timezone: defaultTimezone, weekly: alwaysOpenWeek() };

async function scheduleAnswer(ctx: Parameters<typeof getWhatsappSchedule>[0], numberId: string, clientId: string) {
  const { schedule, status } = await getWhatsappSchedule(ctx, numberId, { clientId });
  const resource = toScheduleResource(schedule, status, fallback);
  return {
    wa_did_id: numberId,
    timezone: resource.timezone,
    working_hours: toWorkingHours(resource.weekly),
    holidays: resource.holidays.map((holiday) => ({ holiday_id: holiday.id, name: holiday.name, date: holiday.start_date, end_date: holiday.end_date, hours: holiday.hours })),
    status: resource.status,
  };
}

/** `working_hours` arrives as an object; the schedule engine's own schema checks it (see lib/schedules/working-hours.ts). */
const workingHoursField: IvrField<'working_hours', unknown> = {
  in: 'body',
  required: false,
  type: 'object',
  to: 'working_hours',
  difference: 'Also takes a list of {"open","close"} for a split day and null for a closed day; a close before the open runs past midnight; "24:00" ends the day. Days left out are closed; leave the whole object out to keep the hours and change only the zone.',
  schema: z.unknown(),
};

export const setWhatsappSchedule = available({
  group,
  method: 'POST',
  path: 'set_whatsapp_schedule',
  summary: 'Set WhatsApp DID schedule (working hours, timezone)',
  example: { client_id: 'CLIENTAPIKEY12345', wa_did_id: '45', timezone: 'Asia/Kolkata', working_hours: { mon: { open: '09:00', close: '18:00' } } },
  rest: setWhatsappScheduleOperation,
  fields: { client_id: clientId, wa_did_id: waDidId, timezone: text('timezone', 'timezone', { difference: 'An IANA zone name; daylight saving follows it.' }), working_hours: workingHoursField },
  data: { shape: 'object', fields: scheduleData },
  call: async (ctx, input) => {
    const current = input.working_hours === undefined || input.working_hours === null ? (await getWhatsappSchedule(ctx, input.whatsapp_number_id, { clientId: input.client_id })).schedule : null;
    const parsed = parseInput(z.object(workingHoursInputShape).partial({ working_hours: true }), { timezone: input.timezone, working_hours: input.working_hours ?? undefined });
    await setWhatsappHours(ctx, input.whatsapp_number_id, { timezone: parsed.timezone, weekly: parsed.working_hours ?? current?.weekly ?? alwaysOpenWeek() }, { clientId: input.client_id });
    return scheduleAnswer(ctx, input.whatsapp_number_id, input.client_id);
  },
  message: () => 'WhatsApp schedule saved',
});

export const getWhatsappScheduleEndpoint = available({
  group,
  method: 'POST',
  path: 'get_whatsapp_schedule',
  summary: 'Get WhatsApp DID schedule',
  example: { client_id: 'CLIENTAPIKEY12345', wa_did_id: '45' },
  rest: getWhatsappScheduleOperation,
  fields: { client_id: clientId, wa_did_id: waDidId },
  data: { shape: 'object', fields: scheduleData },
  differences: ['A number without a schedule is open at all hours, in Asia/Kolkata.'],
  call: async (ctx, input) => scheduleAnswer(ctx, input.whatsapp_number_id, input.client_id),
  message: () => 'WhatsApp schedule',
});

const holidayData: DataField[] = [
  { name: 'holiday_id', from: 'id', note: 'The holiday’s id (hol_…), as delete_whatsapp_holiday takes it.' },
  { name: 'name', from: 'name' },
  { name: 'date', from: 'start_date' },
  { name: 'end_date', from: 'end_date', note: 'Not an IVR Solutions field: the last date (the REST API takes ranges and special hours).' },
];

export const addWhatsappHolidayEndpoint = available({
  group,
  method: 'POST',
  path: 'add_whatsapp_holiday',
  summary: 'Add holiday to WhatsApp DID',
  example: { client_id: 'CLIENTAPIKEY12345', wa_did_id: '45', name: 'Acme Corp', date: '2025-08-15' },
  rest: addWhatsappHolidayOperation,
  fields: { client_id: clientId, wa_did_id: waDidId, name: text('name', 'name'), date: text('date', 'start_date', { difference: 'YYYY-MM-DD, a local date of the schedule’s zone; closed all day.' }) },
  data: { shape: 'object', fields: holidayData },
  call: async (ctx, input) => {
    const holiday = await addWhatsappHoliday(ctx, input.whatsapp_number_id, { name: input.name, start_date: input.start_date }, { clientId: input.client_id });
    return { id: holiday.id, name: holiday.name, start_date: holiday.startDate, end_date: holiday.endDate };
  },
  message: () => 'Holiday added',
});

export const deleteWhatsappHolidayEndpoint = available({
  group,
  method: 'POST',
  path: 'delete_whatsapp_holiday',
  summary: 'Delete holiday from WhatsApp DID',
  example: { client_id: 'CLIENTAPIKEY12345', holiday_id: '12' },
  rest: deleteWhatsappHolidayOperation,
  fields: { client_id: clientId, holiday_id: text('holiday_id', 'holiday_id', { difference: 'The holiday’s id (hol_…); one of another client’s numbers answers 404.' }) },
  data: { shape: 'object', fields: holidayData },
  call: async (ctx, input) => {
    const holiday = await deleteWhatsappHolidayById(ctx, input.holiday_id, { clientId: input.client_id });
    return { id: holiday.id, name: holiday.name, start_date: holiday.startDate, end_date: holiday.endDate };
  },
  message: () => 'Holiday deleted',
});

export const whatsappGroup = [linkWhatsappDid, getWhatsappDids, deleteWhatsappDid, setWhatsappSchedule, getWhatsappScheduleEndpoint, addWhatsappHolidayEndpoint, deleteWhatsappHolidayEndpoint];
