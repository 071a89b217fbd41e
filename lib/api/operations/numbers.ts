import { z } from 'zod';
import type { ClientNumber } from '@/lib/numbers/client-numbers';
import { numberTypes } from '@/lib/numbers/number-types';
import { searchNumbersSchema, type NumberOffer } from '@/lib/numbers/search-numbers';
import type { PurchaseView } from '@/lib/numbers/buy-number';
import { listParamsShape } from '@/lib/pagination/cursor';
import { carrierSimulatorRules } from '@/lib/providers/carrier/inventory-simulator';
import { addHolidaySchema, setWeeklyHoursSchema } from '@/lib/schedules/schemas';
import type { ScheduleView } from '@/lib/schedules/view';
import type { OpenState } from '@/lib/schedules/evaluate';
import { defineOperation } from '../operation';
import { idOf, pageOf, timestamp } from '../schemas';
import { clientIdParams } from './clients';

/** The number as callers name it; the domain reads it (an id or E.164). */
const numberRef = z.string().trim().min(1).max(64).meta({ description: 'The number’s id (`num_…`, from a search) or the number in E.164.', example: '+911143104501' });
const clientRef = (description: string) => z.string().trim().min(1).max(64).meta({ description, example: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t' });

const paise = (description: string) => z.number().int().meta({ description: `${description}, in paise (₹1 = 100).`, example: 50000 });
const simulatorNote = `\n\nIn test mode (sk_test_ keys), and in live mode while no carrier is configured, the carrier simulator answers: ${carrierSimulatorRules.provisioning.map((r) => `when ${r.when} → ${r.outcome}`).join('; ')}. Its inventory: ${carrierSimulatorRules.inventory.map((r) => `${r.when}: ${r.outcome}`).join('; ')}.`;

const regionResource = z.object({ id: z.number().int().meta({ description: 'Numeric region id (also accepted wherever a region is).', example: 1 }), code: z.string().meta({ example: 'DL' }), name: z.string().meta({ example: 'Delhi' }), country: z.string().meta({ example: 'IN' }) }).meta({ id: 'NumberRegion' });

const offerResource = z
  .object({
    object: z.literal('available_number'),
    // Not `id`: an available number is nobody's resource yet; `number_id` is what a hold or purchase takes.
    number_id: idOf('num', 'The number’s id: hold or buy it by this.'),
    number: z.string().meta({ description: 'E.164.', example: '+911143104501' }),
    display: z.string().meta({ example: '+91 11 4310 4501' }),
    country: z.string(),
    region: z.string().meta({ description: 'Region code (an Indian telecom circle).', example: 'DL' }),
    region_name: z.string(),
    type: z.enum(numberTypes),
    setup_price: paise('One-time setup at your retail price'),
    monthly_price: paise('Monthly rental at your retail price'),
  })
  .meta({ id: 'AvailableNumber' });

const offerExample = { object: 'available_number', number_id: 'num_01kaz3d4mqf2v8n6w0c1e5rj7t', number: '+911143104501', display: '+91 11 4310 4501', country: 'IN', region: 'DL', region_name: 'Delhi', type: 'local', setup_price: 50000, monthly_price: 30000 };

const holdResource = z
  .object({ object: z.literal('number_hold'), id: idOf('nhd', 'The hold’s id.'), number_id: idOf('num', 'The held number.'), number: z.string(), client_id: z.string().nullable(), expires_at: timestamp })
  .meta({ id: 'NumberHold' });
const holdExample = { object: 'number_hold', id: 'nhd_01kaz3d4mqf2v8n6w0c1e5rj7t', number_id: offerExample.number_id, number: offerExample.number, client_id: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t', expires_at: '2026-12-02T10:10:00.000Z' };

const purchaseResource = z
  .object({
    object: z.literal('number_purchase'),
    id: idOf('npu', 'The purchase’s id.'),
    status: z.enum(['provisioning', 'completed', 'failed']).meta({ description: '`provisioning` while a slow carrier finishes (the money is held, not yet charged); `completed` once charged and assigned.' }),
    number_id: idOf('num', 'The number bought.'),
    number: z.string(),
    client_id: z.string(),
    setup: paise('Setup charged (or held) at retail'),
    monthly: paise('First month charged (or held) at retail'),
    created_at: timestamp,
    completed_at: timestamp.nullable(),
  })
  .meta({ id: 'NumberPurchase' });
const purchaseExample = { object: 'number_purchase', id: 'npu_01kaz3d4mqf2v8n6w0c1e5rj7t', status: 'completed', number_id: offerExample.number_id, number: offerExample.number, client_id: holdExample.client_id, setup: 50000, monthly: 30000, created_at: '2026-12-02T10:01:00.000Z', completed_at: '2026-12-02T10:01:01.000Z' };

const scheduleState = z
  .object({ open: z.boolean(), reason: z.string().meta({ example: 'weekly_hours' }), next_change_at: timestamp.nullable(), holiday: z.string().nullable(), timezone: z.string().nullable() })
  .meta({ id: 'NumberOpenState', description: 'Open or closed now by the number’s working hours and holidays.' });

const numberResource = z
  .object({
    object: z.literal('number'),
    id: idOf('num', 'The number’s id.'),
    number: z.string(),
    display: z.string(),
    type: z.enum(numberTypes),
    region: z.string(),
    client_id: z.string(),
    status: z.enum(['provisioning', 'active', 'suspended', 'quarantined']).meta({ description: '`suspended`: rental unpaid past its grace period. `quarantined`: released; the same client may recall it until `reusable_after`.' }),
    masking: z.boolean().meta({ description: 'In the client’s masking pool.' }),
    assigned_at: timestamp.nullable(),
    paid_through: z.string().nullable().meta({ description: 'The first IST month (YYYY-MM) not yet paid for.', example: '2027-01' }),
    grace_ends_at: timestamp.nullable(),
    reusable_after: timestamp.nullable(),
    schedule: scheduleState.nullable(),
  })
  .meta({ id: 'Number' });
const numberExample = { object: 'number', id: offerExample.number_id, number: offerExample.number, display: offerExample.display, type: 'local', region: 'DL', client_id: holdExample.client_id, status: 'active', masking: false, assigned_at: '2026-12-02T10:01:00.000Z', paid_through: '2027-01', grace_ends_at: null, reusable_after: null, schedule: { open: true, reason: 'weekly_hours', next_change_at: '2026-12-02T12:30:00.000Z', holiday: null, timezone: 'Asia/Kolkata' } };

export const numberIdParams = z.strictObject({ number_id: idOf('num', 'The number’s id.') });

export const listNumberRegionsOperation = defineOperation({
  method: 'GET',
  path: '/numbers/regions',
  operationId: 'listNumberRegions',
  summary: 'List number regions',
  description: 'The regions numbers can be searched in: for India, the 22 telecom circles, each with its code and numeric id.',
  tag: 'Numbers',
  scope: 'numbers:read',
  query: z.strictObject({ country: searchNumbersSchema.shape.country }),
  response: { status: 200, description: 'The regions.', schema: pageOf(regionResource), example: { object: 'list', data: [{ id: 1, code: 'DL', name: 'Delhi', country: 'IN' }], has_more: false } },
});

export const searchNumbersOperation = defineOperation({
  method: 'GET',
  path: '/numbers/available',
  operationId: 'searchAvailableNumbers',
  summary: 'Search available numbers',
  description: `Available numbers by country, region, type and a pattern of digits matched at the start, anywhere or at the end of the national number (\`mode\`), with setup and monthly prices at your retail.${simulatorNote}`,
  tag: 'Numbers',
  scope: 'numbers:read',
  query: searchNumbersSchema.strict(),
  response: { status: 200, description: 'Matching numbers, in number order.', schema: pageOf(offerResource), example: { object: 'list', data: [offerExample], has_more: false } },
});

export const holdNumberOperation = defineOperation({
  method: 'POST',
  path: '/numbers/holds',
  operationId: 'holdNumber',
  summary: 'Hold a number',
  description: 'Reserves an available number for ten minutes, for you alone, between search and purchase. Holding a number you hold answers with that hold. Another partner’s live hold answers 409 `number_unavailable`.',
  tag: 'Numbers',
  scope: 'numbers:write',
  body: z.strictObject({ number: numberRef, client_id: clientRef('The client it is held for (optional).').optional() }),
  bodyExample: { number: offerExample.number_id, client_id: holdExample.client_id },
  response: { status: 201, description: 'The hold.', schema: holdResource, example: holdExample },
  errors: ['not_found', 'number_unavailable'],
});

export const buyNumberOperation = defineOperation({
  method: 'POST',
  path: '/number_purchases',
  operationId: 'buyNumber',
  summary: 'Buy a number for a client',
  description: `One idempotent operation: setup and the first month are held on the client’s wallet at retail (and on your balance at wholesale), the carrier provisions the number, it is assigned to the client, and the hold is posted — or voided when provisioning fails, so nothing is charged. Only an active client (KYC complete) may get a number. Send an \`Idempotency-Key\`: a retry answers with the same purchase, one number and one charge.${simulatorNote}`,
  tag: 'Numbers',
  scope: 'numbers:write',
  body: z.strictObject({ number: numberRef, client_id: clientRef('The client the number is for; it must be active (KYC complete).') }),
  bodyExample: { number: offerExample.number_id, client_id: holdExample.client_id },
  response: { status: 201, description: 'The purchase: `completed`, or `provisioning` while a slow carrier finishes.', schema: purchaseResource, example: purchaseExample },
  errors: ['not_found', 'number_unavailable', 'number_hold_expired', 'client_not_active', 'client_insufficient_funds', 'partner_insufficient_funds', 'provisioning_failed', 'idempotency_key_reused'],
});

export const getPurchaseOperation = defineOperation({
  method: 'GET',
  path: '/number_purchases/{purchase_id}',
  operationId: 'getNumberPurchase',
  summary: 'Get a number purchase',
  description: 'One purchase, e.g. to see a slow provisioning complete.',
  tag: 'Numbers',
  scope: 'numbers:read',
  params: z.strictObject({ purchase_id: idOf('npu', 'The purchase’s id.') }),
  response: { status: 200, description: 'The purchase.', schema: purchaseResource, example: purchaseExample },
  errors: ['not_found'],
});

export const listClientNumbersOperation = defineOperation({
  method: 'GET',
  path: '/clients/{client_id}/numbers',
  operationId: 'listClientNumbers',
  summary: 'List a client’s numbers',
  description: 'The client’s numbers, newest first, with their status, whether each is open now by its working hours, and released ones still in quarantine.',
  tag: 'Numbers',
  scope: 'numbers:read',
  params: clientIdParams,
  query: z.strictObject({ ...listParamsShape }),
  response: { status: 200, description: 'A page of numbers.', schema: pageOf(numberResource), example: { object: 'list', data: [numberExample], has_more: false } },
  errors: ['not_found'],
});

export const getNumberOperation = defineOperation({
  method: 'GET',
  path: '/numbers/{number_id}',
  operationId: 'getNumber',
  summary: 'Get a number',
  description: 'One of your numbers. Another partner’s number answers 404.',
  tag: 'Numbers',
  scope: 'numbers:read',
  params: numberIdParams,
  response: { status: 200, description: 'The number.', schema: numberResource, example: numberExample },
  errors: ['not_found'],
});

export const releaseNumberOperation = defineOperation({
  method: 'POST',
  path: '/numbers/{number_id}/release',
  operationId: 'releaseNumber',
  summary: 'Release a number',
  description: 'Takes the number from its client into quarantine until `reusable_after` (30 days unless you set otherwise); until then the same client may recall it.',
  tag: 'Numbers',
  scope: 'numbers:write',
  params: numberIdParams,
  response: { status: 200, description: 'The number, quarantined.', schema: numberResource, example: { ...numberExample, status: 'quarantined', reusable_after: '2027-01-01T10:00:00.000Z', schedule: null } },
  errors: ['not_found', 'conflict'],
});

export const recallNumberOperation = defineOperation({
  method: 'POST',
  path: '/numbers/{number_id}/recall',
  operationId: 'recallNumber',
  summary: 'Recall a released number',
  description: 'Gives a quarantined number back to the client that released it, before its `reusable_after` date.',
  tag: 'Numbers',
  scope: 'numbers:write',
  params: numberIdParams,
  body: z.strictObject({ client_id: clientRef('The client that released it.') }),
  bodyExample: { client_id: holdExample.client_id },
  response: { status: 200, description: 'The number, assigned again.', schema: numberResource, example: numberExample },
  errors: ['not_found', 'recall_window_closed'],
});

const holidayResource = z.object({ id: idOf('hol', 'The holiday’s id.'), name: z.string(), start_date: z.string(), end_date: z.string(), hours: z.array(z.object({ start: z.string(), end: z.string() })).nullable() }).meta({ id: 'NumberHoliday' });
const holidayExample = { id: 'hol_01kaz3d4mqf2v8n6w0c1e5rj7t', name: 'Diwali', start_date: '2026-11-08', end_date: '2026-11-08', hours: null };
const scheduleResource = z
  .object({ object: z.literal('number_schedule'), number_id: z.string(), timezone: z.string(), weekly: z.record(z.string(), z.array(z.object({ start: z.string(), end: z.string() }))), holidays: z.array(holidayResource), state: scheduleState })
  .meta({ id: 'NumberSchedule' });
const scheduleExample = {
  object: 'number_schedule',
  number_id: offerExample.number_id,
  timezone: 'Asia/Kolkata',
  weekly: { mon: [{ start: '09:00', end: '18:00' }], tue: [{ start: '09:00', end: '18:00' }], wed: [], thu: [], fri: [], sat: [], sun: [] },
  holidays: [holidayExample],
  state: numberExample.schedule,
};

export const getNumberScheduleOperation = defineOperation({
  method: 'GET',
  path: '/numbers/{number_id}/schedule',
  operationId: 'getNumberSchedule',
  summary: 'Get a number’s working hours',
  description: 'The number’s zone, weekly hours and holidays, and whether it is open now (holiday > special hours > weekly). A number without a schedule is open at all hours.',
  tag: 'Numbers',
  scope: 'numbers:read',
  params: numberIdParams,
  response: { status: 200, description: 'The schedule.', schema: scheduleResource, example: scheduleExample },
  errors: ['not_found'],
});

export const setNumberScheduleOperation = defineOperation({
  method: 'PUT',
  path: '/numbers/{number_id}/schedule',
  operationId: 'setNumberSchedule',
  summary: 'Set a number’s working hours',
  description: 'Replaces the zone (IANA) and the weekly hours; holidays are kept. Several ranges a day, `24:00`, and ranges past midnight (an end before the start belongs to the day it starts) are allowed.',
  tag: 'Numbers',
  scope: 'numbers:write',
  params: numberIdParams,
  body: setWeeklyHoursSchema,
  bodyExample: { timezone: 'Asia/Kolkata', weekly: scheduleExample.weekly },
  response: { status: 200, description: 'The schedule.', schema: scheduleResource, example: scheduleExample },
  errors: ['not_found'],
});

export const addNumberHolidayOperation = defineOperation({
  method: 'POST',
  path: '/numbers/{number_id}/schedule/holidays',
  operationId: 'addNumberHoliday',
  summary: 'Add a holiday to a number',
  description: 'A date or range of dates that closes the number, or gives it special hours.',
  tag: 'Numbers',
  scope: 'numbers:write',
  params: numberIdParams,
  body: addHolidaySchema,
  bodyExample: { name: 'Diwali', start_date: '2026-11-08' },
  response: { status: 201, description: 'The holiday.', schema: holidayResource, example: holidayExample },
  errors: ['not_found'],
});

export const deleteNumberHolidayOperation = defineOperation({
  method: 'DELETE',
  path: '/numbers/{number_id}/schedule/holidays/{holiday_id}',
  operationId: 'deleteNumberHoliday',
  summary: 'Delete a number’s holiday',
  description: 'Removes one holiday from the number’s schedule.',
  tag: 'Numbers',
  scope: 'numbers:write',
  params: z.strictObject({ number_id: numberIdParams.shape.number_id, holiday_id: idOf('hol', 'The holiday’s id.') }),
  response: { status: 200, description: 'The deleted holiday.', schema: holidayResource, example: holidayExample },
  errors: ['not_found'],
});

// ——— domain rows → API resources ———

export const toOfferResource = (o: NumberOffer) => ({ object: 'available_number' as const, number_id: o.id, number: o.number, display: o.display, country: o.country, region: o.region, region_name: o.regionName, type: o.type, setup_price: Number(o.setupPrice), monthly_price: Number(o.monthlyPrice) });

export const toHoldResource = (h: { id: string; numberId: string; number: string; clientId: string | null; expiresAt: Date }) => ({ object: 'number_hold' as const, id: h.id, number_id: h.numberId, number: h.number, client_id: h.clientId, expires_at: h.expiresAt.toISOString() });

export const toPurchaseResource = (p: PurchaseView) => ({
  object: 'number_purchase' as const,
  id: p.id,
  status: p.status,
  number_id: p.numberId,
  number: p.number,
  client_id: p.clientId,
  setup: Number(p.setup),
  monthly: Number(p.monthly),
  created_at: p.createdAt.toISOString(),
  completed_at: p.completedAt?.toISOString() ?? null,
});

export const toNumberResource = (n: ClientNumber) => ({
  object: 'number' as const,
  id: n.id,
  number: n.number,
  display: n.display,
  type: n.type,
  region: n.region,
  client_id: n.clientId,
  status: n.status,
  masking: n.masking,
  assigned_at: n.assignedAt?.toISOString() ?? null,
  paid_through: n.paidThrough,
  grace_ends_at: n.graceEndsAt?.toISOString() ?? null,
  reusable_after: n.reusableAfter?.toISOString() ?? null,
  schedule: n.schedule ? { open: n.schedule.open, reason: n.schedule.reason, next_change_at: n.schedule.nextChangeAt?.toISOString() ?? null, holiday: n.schedule.holiday, timezone: n.schedule.timezone } : null,
});

export const toHolidayResource = (h: { id: string; name: string; startDate: string; endDate: string; hours: { start: string; end: string }[] | null }) => ({ id: h.id, name: h.name, start_date: h.startDate, end_date: h.endDate, hours: h.hours });

export const toScheduleResource = (numberId: string, schedule: ScheduleView | null, state: OpenState) => ({
  object: 'number_schedule' as const,
  number_id: numberId,
  timezone: schedule?.timezone ?? 'Asia/Kolkata',
  weekly: schedule?.weekly ?? Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ start: '00:00', end: '24:00' }]])),
  holidays: (schedule?.holidays ?? []).map(toHolidayResource),
  state: { open: state.open, reason: state.reason, next_change_at: state.next_change_at?.toISOString() ?? null, holiday: state.holiday?.name ?? null, timezone: schedule?.timezone ?? null },
});

const numberSettingsResource = z
  .object({
    object: z.literal('number_settings'),
    quarantine_days: z.number().int().meta({ description: 'Days a released number stays in quarantine (its `reusable_after`), recallable by the same client.' }),
    grace_days: z.number().int().meta({ description: 'Days an unpaid rental keeps working before the number is suspended.' }),
    suspended_days: z.number().int().meta({ description: 'Days a suspended number waits for payment before it is released.' }),
  })
  .meta({ id: 'NumberSettings' });
const numberSettingsExample = { object: 'number_settings', quarantine_days: 30, grace_days: 7, suspended_days: 15 };

export const getNumberSettingsOperation = defineOperation({
  method: 'GET',
  path: '/number_settings',
  operationId: 'getNumberSettings',
  summary: 'Get number settings',
  description: 'How long a released number stays in quarantine, and how an unpaid rental is handled.',
  tag: 'Numbers',
  scope: 'numbers:read',
  response: { status: 200, description: 'The settings.', schema: numberSettingsResource, example: numberSettingsExample },
});

export const setNumberSettingsOperation = defineOperation({
  method: 'PUT',
  path: '/number_settings',
  operationId: 'setNumberSettings',
  summary: 'Change number settings',
  description: 'Sets the quarantine (0–180 days), the grace period of an unpaid rental (0–60 days) and how long a suspended number waits before it is released (1–90 days). Numbers released from now on get the new quarantine; numbers already in quarantine keep their date.',
  tag: 'Numbers',
  scope: 'numbers:write',
  body: z.strictObject({ quarantine_days: z.number().int().min(0).max(180), grace_days: z.number().int().min(0).max(60), suspended_days: z.number().int().min(1).max(90) }),
  bodyExample: { quarantine_days: 45, grace_days: 7, suspended_days: 15 },
  response: { status: 200, description: 'The settings now.', schema: numberSettingsResource, example: { ...numberSettingsExample, quarantine_days: 45 } },
});

export const toNumberSettingsResource = (s: { quarantineDays: number; graceDays: number; suspendedDays: number }) => ({ object: 'number_settings' as const, quarantine_days: s.quarantineDays, grace_days: s.graceDays, suspended_days: s.suspendedDays });
