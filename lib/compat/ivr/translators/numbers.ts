import { z } from 'zod';
import {
  addNumberHolidayOperation,
  buyNumberOperation,
  deleteNumberHolidayOperation,
  getNumberScheduleOperation,
  listClientNumbersOperation,
  listNumberRegionsOperation,
  releaseNumberOperation,
  searchNumbersOperation,
  setNumberScheduleOperation,
  toHolidayResource,
  toNumberResource,
  toOfferResource,
  toPurchaseResource,
  toScheduleResource,
} from '@/lib/api/operations/numbers';
import { AppError } from '@/lib/errors/app-error';
import { clientOf } from '@/lib/ledger/books';
import { getDb } from '@/db';
import { paiseToDecimal } from '@/lib/ledger/format';
import { buyNumber } from '@/lib/numbers/buy-number';
import { listNumbers } from '@/lib/numbers/client-numbers';
import { releaseAndShow } from '@/lib/numbers/number-faces';
import { addNumberHoliday, deleteNumberHoliday, getNumberSchedule, setNumberHoursAndShow } from '@/lib/numbers/number-schedule';
import { numberRegions, searchNumbers } from '@/lib/numbers/search-numbers';
import { toWorkingHours, workingHoursSchema } from '@/lib/schedules/working-hours';
import type { WeeklyHours } from '@/lib/schedules/types';
import { available, type DataField } from '../endpoint';
import { text, type IvrField } from '../fields';

/** IVR Solutions' "DID Numbers" and "DID Scheduling" groups: search, buy, remove, list, and a number's hours. */

const rupees = (paise: unknown) => (typeof paise === 'number' ? paiseToDecimal(BigInt(paise)) : null);
const clientField = text('client_id', 'client_id', { difference: 'The client id (cli_…); another partner’s answers 404.' });
const didField = (name: string) => text(name, 'number', { difference: 'The number’s id (num_…) or the number in E.164 (+911143104501); IVR Solutions’ numeric DID ids do not exist here.' });

const modeWords: Record<string, 'starts_with' | 'contains' | 'ends_with'> = {
  starts_with: 'starts_with',
  startswith: 'starts_with',
  begins_with: 'starts_with',
  start: 'starts_with',
  '0': 'starts_with',
  contains: 'contains',
  contain: 'contains',
  anywhere: 'contains',
  '1': 'contains',
  ends_with: 'ends_with',
  endswith: 'ends_with',
  end: 'ends_with',
  '2': 'ends_with',
};

const didRegions = available({
  group: 'DID Numbers',
  method: 'GET',
  path: 'did_regions',
  summary: 'Get available DID regions',
  rest: listNumberRegionsOperation,
  fields: {},
  data: {
    shape: 'list',
    fields: [
      { name: 'region_id', from: 'id', note: 'What search_dids takes as `region` (its code works too).' },
      { name: 'code', from: 'code', note: 'Not an IVR Solutions field: the telecom circle’s code (DL, MU, KA…).' },
      { name: 'name', from: 'name' },
      { name: 'country', from: 'country' },
    ],
  },
  differences: ['India’s 22 telecom circles, each with a numeric id and its code.'],
  call: async () => numberRegions('IN'),
  message: (regions) => `${regions.length} regions`,
});

const offerData: DataField[] = [
  { name: 'did_id', from: 'number_id', note: 'The number’s id (num_…): buy_did takes it, or the number itself.' },
  { name: 'number', from: 'number' },
  { name: 'display', from: 'display', note: 'Not an IVR Solutions field: the number as it reads.' },
  { name: 'region', from: 'region' },
  { name: 'type', from: 'type', note: 'local, mobile or toll_free.' },
  { name: 'setup_cost', from: 'setup_price', map: rupees, note: 'Rupees as a decimal string, at your retail price.' },
  { name: 'monthly_rent', from: 'monthly_price', map: rupees, note: 'Rupees as a decimal string, at your retail price.' },
];

const searchDids = available({
  group: 'DID Numbers',
  method: 'POST',
  path: 'search_dids',
  summary: 'Search available DIDs',
  example: { client_id: 'CLIENTAPIKEY12345', country_code: '+91', pattern: '4310', search_pattern: 'contains', region: '1' },
  rest: searchNumbersOperation,
  fields: {
    client_id: clientField,
    country_code: text('country_code', 'country', { difference: '+91 or IN: numbers are sold in India.' }),
    pattern: text('pattern', 'pattern', { required: false, difference: 'Digits of the national number (without +91).' }),
    search_pattern: text('search_pattern', 'mode', { required: false, difference: 'starts_with, contains (default) or ends_with; 0, 1 and 2 are read the same way.' }),
    region: text('region', 'region', { required: false, difference: 'A region id from did_regions, or its code.' }),
  },
  data: { shape: 'list', fields: offerData },
  call: async (ctx, input) => {
    await clientOf(getDb(), ctx.partnerId, input.client_id);
    const country = input.country.trim().replace(/^\+?91$/, 'IN');
    const mode = input.mode === undefined ? undefined : modeWords[input.mode.trim().toLowerCase()];
    if (input.mode !== undefined && !mode) throw new AppError('validation_failed', 'search_pattern: Send starts_with, contains or ends_with.', { search_pattern: 'Send starts_with, contains or ends_with.' });
    return (await searchNumbers(ctx, { country, region: input.region, pattern: input.pattern, mode })).map(toOfferResource);
  },
  message: (offers) => `${offers.length} numbers available`,
});

const purchaseData: DataField[] = [
  { name: 'did_id', from: 'number_id' },
  { name: 'number', from: 'number' },
  { name: 'client_id', from: 'client_id' },
  { name: 'status', from: 'status', note: 'completed, or provisioning while a slow carrier finishes (charged then).' },
  { name: 'purchase_id', from: 'id', note: 'Not an IVR Solutions field.' },
  { name: 'setup_cost', from: 'setup', map: rupees },
  { name: 'monthly_rent', from: 'monthly', map: rupees },
];

const buyDid = available({
  group: 'DID Numbers',
  method: 'POST',
  path: 'buy_did',
  summary: 'Buy/Assign DID to client',
  example: { client_id: 'CLIENTAPIKEY12345', number: '+911143104501', country: 'IN' },
  rest: buyNumberOperation,
  fields: { client_id: clientField, number: didField('number'), country: text('country', 'country', { required: false, ivrRequired: true, difference: 'Read from the number itself; IN.' }) },
  data: { shape: 'object', fields: purchaseData },
  differences: ['Setup and the first month are charged to the client’s wallet in the same call; only an active client (KYC complete) may get one. Send an Idempotency-Key header to make a retry safe.'],
  call: async (ctx, input) => toPurchaseResource(await buyNumber(ctx, { number: input.number, clientId: input.client_id })),
  message: (purchase) => (purchase.status === 'completed' ? 'DID assigned to client' : 'DID is being provisioned'),
});

const numberData: DataField[] = [
  { name: 'did_id', from: 'id' },
  { name: 'did_no', from: 'number' },
  { name: 'client_id', from: 'client_id' },
  { name: 'status', from: 'status', note: 'active, provisioning, suspended (rental unpaid) or quarantined (released, recallable until reusable_after).' },
  { name: 'type', from: 'type' },
  { name: 'region', from: 'region' },
  { name: 'reusable_after', from: 'reusable_after' },
  { name: 'open_now', from: 'schedule.open', note: 'Not an IVR Solutions field: open by its working hours now.' },
];

const removeDid = available({
  group: 'DID Numbers',
  method: 'POST',
  path: 'remove_did',
  summary: 'Remove DID from client',
  example: { client_id: 'CLIENTAPIKEY12345', did_no: '+911143104501' },
  rest: releaseNumberOperation,
  fields: { client_id: clientField, did_no: didField('did_no') },
  data: { shape: 'object', fields: numberData },
  differences: ['The number goes into quarantine (30 days unless set otherwise); the same client may recall it until then.'],
  call: async (ctx, input) => toNumberResource(await releaseAndShow(ctx, { number: input.number, clientId: input.client_id })),
  message: () => 'DID removed from client',
});

const clientDids = available({
  group: 'DID Numbers',
  method: 'GET',
  path: 'client_dids/{client_id}',
  summary: "Get client's DIDs",
  rest: listClientNumbersOperation,
  fields: { client_id: text('client_id', 'client_id', { in: 'path', difference: 'The client id (cli_…); another partner’s answers 404.' }) },
  data: { shape: 'list', fields: numberData },
  differences: ['Up to 1,000 numbers, newest first; the REST operation pages.'],
  call: async (ctx, input) => {
    const all = [];
    let after: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await listNumbers(ctx, { clientId: input.client_id, limit: 100, starting_after: after });
      all.push(...page.data);
      if (!page.has_more) break;
      after = page.data.at(-1)?.id;
    }
    return all.map(toNumberResource);
  },
  message: (numbers) => `${numbers.length} DIDs`,
});

const scheduleData: DataField[] = [
  { name: 'did_id', from: 'number_id' },
  { name: 'timezone', from: 'timezone' },
  { name: 'working_hours', from: 'weekly', map: (weekly) => toWorkingHours(weekly as WeeklyHours), note: 'Keyed by day: {"open","close"}, a list for several ranges, null for a closed day.' },
  { name: 'holidays', from: 'holidays', map: (list) => (list as { id: string; name: string; start_date: string; end_date: string }[]).map((h) => ({ holiday_id: h.id, name: h.name, date: h.start_date, end_date: h.end_date })) },
  { name: 'open_now', from: 'state.open', note: 'Not an IVR Solutions field.' },
];

const getDidSchedule = available({
  group: 'DID Scheduling',
  method: 'POST',
  path: 'get_did_schedule',
  summary: 'Get DID schedule (working hours, timezone, holidays)',
  example: { client_id: 'CLIENTAPIKEY12345', did_id: '331' },
  rest: getNumberScheduleOperation,
  fields: { client_id: clientField, did_id: didField('did_id') },
  data: { shape: 'object', fields: scheduleData },
  call: async (ctx, input) => {
    const { schedule, state, subject } = await getNumberSchedule(ctx, input.number, input.client_id);
    return toScheduleResource(subject.id, schedule, state);
  },
  message: () => 'DID schedule',
});

const workingHoursField: IvrField<'weekly', WeeklyHours | undefined> = {
  in: 'body',
  required: false,
  type: 'object',
  to: 'weekly',
  difference: 'Also accepts a list of {open, close} pairs for a split day, null or "closed" for a closed day, and 24:00; a close before open runs past midnight.',
  schema: z.preprocess((value) => (value === null || value === '' ? undefined : value), workingHoursSchema.optional()) as z.ZodType<WeeklyHours | undefined>,
};

const setDidSchedule = available({
  group: 'DID Scheduling',
  method: 'POST',
  path: 'set_did_schedule',
  summary: 'Set DID schedule (working hours, timezone)',
  example: { client_id: 'CLIENTAPIKEY12345', did_id: '331', timezone: 'Asia/Kolkata', working_hours: { mon: { open: '09:00', close: '18:00' } } },
  rest: setNumberScheduleOperation,
  fields: { client_id: clientField, did_id: didField('did_id'), timezone: text('timezone', 'timezone', { difference: 'An IANA zone, checked.' }), working_hours: workingHoursField },
  data: { shape: 'object', fields: scheduleData },
  differences: ['Days left out of working_hours are closed; without working_hours, only the zone changes.'],
  call: async (ctx, input) => {
    const current = await getNumberSchedule(ctx, input.number, input.client_id);
    const weekly = input.weekly ?? current.schedule?.weekly;
    const { schedule, state } = await setNumberHoursAndShow(ctx, current.subject.id, { timezone: input.timezone, ...(weekly ? { weekly } : { weekly: {} }) });
    return toScheduleResource(current.subject.id, { ...schedule, holidays: schedule.holidays }, state);
  },
  message: () => 'DID schedule saved',
});

const holidayData: DataField[] = [
  { name: 'holiday_id', from: 'id' },
  { name: 'name', from: 'name' },
  { name: 'date', from: 'start_date' },
  { name: 'end_date', from: 'end_date', note: 'Not an IVR Solutions field: the last date of a range.' },
];

const addDidHoliday = available({
  group: 'DID Scheduling',
  method: 'POST',
  path: 'add_did_holiday',
  summary: 'Add holiday to DID',
  example: { client_id: 'CLIENTAPIKEY12345', did_id: '331', name: 'Acme Corp', date: '2025-08-15' },
  rest: addNumberHolidayOperation,
  fields: { client_id: clientField, did_id: didField('did_id'), name: text('name', 'name'), date: text('date', 'start_date', { difference: 'YYYY-MM-DD, the number’s local date; closed all day.' }) },
  data: { shape: 'object', fields: holidayData },
  call: async (ctx, input) => toHolidayResource(await addNumberHoliday(ctx, input.number, { name: input.name, start_date: input.start_date }, input.client_id)),
  message: (holiday) => `${holiday.name} added`,
});

const deleteDidHoliday = available({
  group: 'DID Scheduling',
  method: 'POST',
  path: 'delete_did_holiday',
  summary: 'Delete holiday from DID',
  example: { client_id: 'CLIENTAPIKEY12345', holiday_id: '12' },
  rest: deleteNumberHolidayOperation,
  fields: { client_id: clientField, holiday_id: text('holiday_id', 'holiday_id', { difference: 'The holiday id (hol_…) add_did_holiday answered.' }) },
  data: { shape: 'object', fields: holidayData },
  call: async (ctx, input) => toHolidayResource(await deleteNumberHoliday(ctx, input.holiday_id, undefined, input.client_id)),
  message: (holiday) => `${holiday.name} deleted`,
});

export const numbersGroup = [didRegions, searchDids, buyDid, removeDid, clientDids];
export const didSchedulingGroup = [getDidSchedule, setDidSchedule, addDidHoliday, deleteDidHoliday];
