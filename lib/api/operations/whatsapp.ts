import { z } from 'zod';
import { listParamsShape } from '@/lib/pagination/cursor';
import { whatsappSimulatorRules } from '@/lib/providers/whatsapp-cloud/simulator';
import type { OpenState } from '@/lib/schedules/evaluate';
import { addHolidaySchema, setWeeklyHoursSchema } from '@/lib/schedules/schemas';
import { differencesFromSent, feeStatus, type WhatsappNumberView } from '@/lib/whatsapp/number-view';
import { linkWhatsappNumberSchema, whatsappNumberStatuses } from '@/lib/whatsapp/schemas';
import { defineOperation } from '../operation';
import { idOf, pageOf, timestamp } from '../schemas';
import { holidayResource, openStateResource, scheduleExample, scheduleResource, toOpenStateResource } from './schedule-resources';

const tag = 'WhatsApp numbers';

const healthEntity = z.object({
  entity_type: z.string().meta({ description: 'PHONE_NUMBER, WABA, BUSINESS or APP.' }),
  id: z.string().nullable(),
  can_send_message: z.string().nullable(),
  errors: z.array(z.object({ code: z.number().nullable(), description: z.string(), possible_solution: z.string().nullable() })),
});

export const whatsappNumberResource = z
  .object({
    object: z.literal('whatsapp_number'),
    id: idOf('wan', 'The linked number’s id.'),
    client_id: idOf('cli', 'The client it serves.'),
    phone_number_id: z.string().meta({ description: 'Meta’s phone number id.' }),
    waba_id: z.string().nullable().meta({ description: 'The WhatsApp Business Account it belongs to.' }),
    display_phone_number: z.string().meta({ description: 'Meta’s display number (it wins over what was sent).' }),
    verified_name: z.string().meta({ description: 'Meta’s verified business name (it wins over what was sent).' }),
    sent: z.object({ display_number: z.string().nullable(), verified_name: z.string().nullable() }).meta({ description: 'What was sent when linking.' }),
    differs_from_sent: z.array(z.enum(['display_number', 'verified_name'])).meta({ description: 'Which of what was sent differs from Meta’s.' }),
    status: z.enum(whatsappNumberStatuses).meta({ description: '`active`; `token_expired` (Meta refuses the token: link again with a new one); `needs_attention` (the last check failed, see `status_reason`); `unlinked`.' }),
    status_reason: z.string().nullable().meta({ description: 'The stable reason of the last failed check: token_expired, token_invalid, number_not_accessible, permission_missing, number_not_registered.' }),
    health: z.object({
      quality_rating: z.string().nullable().meta({ description: 'GREEN, YELLOW, RED or UNKNOWN.' }),
      can_send_message: z.string().nullable().meta({ description: 'AVAILABLE, LIMITED or BLOCKED: the worst of its entities.' }),
      name_status: z.string().nullable(),
      platform_type: z.string().nullable(),
      throughput_level: z.string().nullable(),
      meta_status: z.string().nullable().meta({ description: 'Meta’s own status of the number (CONNECTED, FLAGGED, RESTRICTED…).' }),
      messaging_limit_tier: z.string().nullable(),
      account_mode: z.string().nullable(),
      entities: z.array(healthEntity).meta({ description: 'Meta’s health status per entity, with the reasons of any limit.' }),
    }),
    token_expires_at: timestamp.nullable().meta({ description: 'When the access token expires; null when it never does. The token itself is never returned.' }),
    monthly_fee: z
      .object({
        paid_period: z.string().nullable().meta({ description: 'The IST month (YYYY-MM) last paid for.' }),
        unpaid_reason: z.string().nullable().meta({ description: 'Why this month’s fee could not be charged yet (tried again daily); null when paid.' }),
        status: z.enum(['paid', 'grace', 'suspended']).meta({ description: '`paid` (or not yet due); `grace`: unpaid, the number works until `grace_ends_at`; `suspended`: unpaid past the grace period, the number takes no messages and is unlinked after your suspension days (Numbers settings) unless paid.' }),
        grace_ends_at: timestamp.nullable(),
        suspended_at: timestamp.nullable(),
      }).meta({ description: 'The monthly fee (product `whatsapp_number_month`, at your retail price), charged to the client’s wallet when linked and each IST month.' }),
    schedule_status: openStateResource.meta({ description: 'Whether the number is inside its working hours now.' }),
    last_checked_at: timestamp,
    next_check_at: timestamp,
    linked_at: timestamp,
    unlinked_at: timestamp.nullable(),
  })
  .meta({ id: 'WhatsappNumber' });

export function toWhatsappNumberResource(view: WhatsappNumberView, scheduleStatus: OpenState): z.infer<typeof whatsappNumberResource> {
  return {
    object: 'whatsapp_number',
    id: view.id,
    client_id: view.clientId,
    phone_number_id: view.phoneNumberId,
    waba_id: view.wabaId,
    display_phone_number: view.displayPhoneNumber,
    verified_name: view.verifiedName,
    sent: { display_number: view.sentDisplayNumber, verified_name: view.sentVerifiedName },
    differs_from_sent: differencesFromSent(view),
    status: view.status,
    status_reason: view.statusReason,
    health: {
      quality_rating: view.qualityRating,
      can_send_message: view.canSendMessage,
      name_status: view.nameStatus,
      platform_type: view.platformType,
      throughput_level: view.throughputLevel,
      meta_status: view.metaStatus,
      messaging_limit_tier: view.messagingLimitTier,
      account_mode: view.accountMode,
      entities: view.healthEntities.map((entity) => ({ entity_type: entity.entityType, id: entity.id, can_send_message: entity.canSendMessage, errors: entity.errors.map((e) => ({ code: e.code, description: e.description, possible_solution: e.possibleSolution })) })),
    },
    token_expires_at: view.tokenExpiresAt?.toISOString() ?? null,
    monthly_fee: { paid_period: view.feePaidPeriod, unpaid_reason: view.feeUnpaidReason, status: feeStatus(view), grace_ends_at: view.feeGraceEndsAt?.toISOString() ?? null, suspended_at: view.feeSuspendedAt?.toISOString() ?? null },
    schedule_status: toOpenStateResource(scheduleStatus),
    last_checked_at: view.lastCheckedAt.toISOString(),
    next_check_at: view.nextCheckAt.toISOString(),
    linked_at: view.linkedAt.toISOString(),
    unlinked_at: view.unlinkedAt?.toISOString() ?? null,
  };
}

const numberExample = {
  object: 'whatsapp_number',
  id: 'wan_01kaz3d4mqf2v8n6w0c1e5rj7t',
  client_id: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t',
  phone_number_id: '1029384756',
  waba_id: '104996122399160',
  display_phone_number: '+91 11 4310 4501',
  verified_name: 'Acme Corp',
  sent: { display_number: '+911143104501', verified_name: 'Acme Corporation' },
  differs_from_sent: ['verified_name'],
  status: 'active',
  status_reason: null,
  health: { quality_rating: 'GREEN', can_send_message: 'AVAILABLE', name_status: 'APPROVED', platform_type: 'CLOUD_API', throughput_level: 'STANDARD', meta_status: 'CONNECTED', messaging_limit_tier: 'TIER_1K', account_mode: 'LIVE', entities: [{ entity_type: 'PHONE_NUMBER', id: '1029384756', can_send_message: 'AVAILABLE', errors: [] }] },
  token_expires_at: '2027-01-30T10:00:00.000Z',
  monthly_fee: { paid_period: '2026-11', unpaid_reason: null, status: 'paid' as const, grace_ends_at: null, suspended_at: null },
  schedule_status: { open: true, reason: 'weekly_hours', next_change_at: '2026-11-23T12:30:00.000Z', holiday: null },
  last_checked_at: '2026-11-23T04:00:00.000Z',
  next_check_at: '2026-11-24T04:00:00.000Z',
  linked_at: '2026-11-20T10:00:00.000Z',
  unlinked_at: null,
};

const simulatorNote = `\n\nIn test mode (sk_test_ keys), and until the Meta app’s credentials are configured, the Cloud API simulator answers: ${whatsappSimulatorRules.tokens.map((r) => `a token that ${r.when} → ${r.outcome}`).join('; ')}. Phone number ids: ${whatsappSimulatorRules.phoneNumbers.map((r) => `${r.when} → ${r.outcome}`).join('; ')}. ${whatsappSimulatorRules.displayNumber}`;

const linkErrors = ['not_found', 'conflict', 'whatsapp_token_expired', 'whatsapp_token_invalid', 'whatsapp_number_not_accessible', 'whatsapp_permission_missing', 'whatsapp_number_not_registered', 'whatsapp_rate_limited', 'whatsapp_provider_error', 'whatsapp_provider_unreachable'] as const;

export const numberIdParams = z.strictObject({ whatsapp_number_id: idOf('wan', 'The linked number’s id.') });

export const listWhatsappNumbersOperation = defineOperation({
  method: 'GET',
  path: '/whatsapp/numbers',
  operationId: 'listWhatsappNumbers',
  summary: 'List linked WhatsApp numbers',
  description: 'The partner’s linked Cloud API numbers, newest first, with their health, token expiry and whether they are inside working hours now. Unlinked numbers are listed only with `status=unlinked`.',
  tag,
  scope: 'whatsapp:read',
  query: z.strictObject({ ...listParamsShape, client_id: z.string().trim().min(1).optional().meta({ description: 'Only this client’s numbers.' }), status: z.enum(whatsappNumberStatuses).optional().meta({ description: 'Only numbers in this status.' }) }),
  response: { status: 200, description: 'A page of numbers.', schema: pageOf(whatsappNumberResource), example: { object: 'list', data: [numberExample], has_more: false } },
});

export const linkWhatsappNumberOperation = defineOperation({
  method: 'POST',
  path: '/whatsapp/numbers',
  operationId: 'linkWhatsappNumber',
  summary: 'Link a WhatsApp number',
  description: `Links a Cloud API number to a client after verifying the pair with Meta: the token is inspected (\`debug_token\`: valid, not expired, reaching the number’s business account) and the number read (display number, verified name, quality, status, health). Meta’s error codes become stable error codes. Linking a number the client already has replaces its token. The token is stored encrypted and never returned; Meta’s display number and verified name win over what was sent, and \`differs_from_sent\` names any difference.${simulatorNote}`,
  tag,
  scope: 'whatsapp:write',
  body: linkWhatsappNumberSchema,
  bodyExample: { client_id: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t', phone_number_id: '1029384756', access_token: 'EAAGm0PX4ZCpsBAExampleTokenZZZ', display_number: '+911143104501', verified_name: 'Acme Corporation' },
  response: { status: 201, description: 'The linked number.', schema: whatsappNumberResource, example: numberExample },
  errors: [...linkErrors],
});

export const getWhatsappNumberOperation = defineOperation({
  method: 'GET',
  path: '/whatsapp/numbers/{whatsapp_number_id}',
  operationId: 'getWhatsappNumber',
  summary: 'Get a WhatsApp number',
  description: 'One linked (or unlinked) number of the partner. Another partner’s answers 404.',
  tag,
  scope: 'whatsapp:read',
  params: numberIdParams,
  response: { status: 200, description: 'The number.', schema: whatsappNumberResource, example: numberExample },
  errors: ['not_found'],
});

export const unlinkWhatsappNumberOperation = defineOperation({
  method: 'DELETE',
  path: '/whatsapp/numbers/{whatsapp_number_id}',
  operationId: 'unlinkWhatsappNumber',
  summary: 'Unlink a WhatsApp number',
  description: 'Unlinks the number from its client: its token is erased and its schedule removed; the number stays listed with `status=unlinked`.',
  tag,
  scope: 'whatsapp:write',
  params: numberIdParams,
  response: { status: 200, description: 'The unlinked number.', schema: whatsappNumberResource, example: { ...numberExample, status: 'unlinked', unlinked_at: '2026-11-25T10:00:00.000Z' } },
  errors: ['not_found'],
});

export const checkWhatsappNumberOperation = defineOperation({
  method: 'POST',
  path: '/whatsapp/numbers/{whatsapp_number_id}/check',
  operationId: 'checkWhatsappNumber',
  summary: 'Check a WhatsApp number now',
  description: 'Checks the number and its token with Meta now, as the daily check does: health or quality changes send `whatsapp_number.health_changed`; a token expiring within 7 days or expired sends `whatsapp_number.token_expiring` (and makes the number `token_expired`). When Meta is busy or away nothing changes.',
  tag,
  scope: 'whatsapp:write',
  params: numberIdParams,
  response: { status: 200, description: 'The number after the check.', schema: whatsappNumberResource, example: numberExample },
  errors: ['not_found'],
});

export const getWhatsappScheduleOperation = defineOperation({
  method: 'GET',
  path: '/whatsapp/numbers/{whatsapp_number_id}/schedule',
  operationId: 'getWhatsappSchedule',
  summary: 'Get a WhatsApp number’s schedule',
  description: 'Its working hours, holidays and whether it is open now. A number without a schedule is open at all hours (`status.reason` `no_schedule`).',
  tag,
  scope: 'whatsapp:read',
  params: numberIdParams,
  response: { status: 200, description: 'The schedule.', schema: scheduleResource, example: scheduleExample },
  errors: ['not_found'],
});

export const setWhatsappScheduleOperation = defineOperation({
  method: 'PUT',
  path: '/whatsapp/numbers/{whatsapp_number_id}/schedule',
  operationId: 'setWhatsappSchedule',
  summary: 'Set a WhatsApp number’s working hours',
  description: 'Replaces its time zone and weekly hours (holidays stay). Several ranges a day; an end before the start runs past midnight and belongs to the day it starts; `24:00` ends the day.',
  tag,
  scope: 'whatsapp:write',
  params: numberIdParams,
  body: setWeeklyHoursSchema,
  bodyExample: { timezone: 'Asia/Kolkata', weekly: { mon: [{ start: '09:00', end: '13:00' }, { start: '14:00', end: '18:00' }], fri: [{ start: '22:00', end: '02:00' }] } },
  response: { status: 200, description: 'The schedule.', schema: scheduleResource, example: scheduleExample },
  errors: ['not_found'],
});

export const addWhatsappHolidayOperation = defineOperation({
  method: 'POST',
  path: '/whatsapp/numbers/{whatsapp_number_id}/holidays',
  operationId: 'addWhatsappHoliday',
  summary: 'Add a holiday to a WhatsApp number',
  description: 'A date or range of dates (local to the schedule’s zone) that closes the number, or gives it special `hours`. A closing holiday beats special hours, which beat the weekly hours.',
  tag,
  scope: 'whatsapp:write',
  params: numberIdParams,
  body: addHolidaySchema,
  bodyExample: { name: 'Diwali', start_date: '2026-11-08' },
  response: { status: 201, description: 'The holiday.', schema: holidayResource, example: scheduleExample.holidays[0] },
  errors: ['not_found', 'conflict'],
});

export const deleteWhatsappHolidayOperation = defineOperation({
  method: 'DELETE',
  path: '/whatsapp/numbers/{whatsapp_number_id}/holidays/{holiday_id}',
  operationId: 'deleteWhatsappHoliday',
  summary: 'Delete a holiday of a WhatsApp number',
  description: 'Its dates follow the weekly hours again.',
  tag,
  scope: 'whatsapp:write',
  params: z.strictObject({ whatsapp_number_id: idOf('wan', 'The linked number’s id.'), holiday_id: idOf('hol', 'The holiday’s id.') }),
  response: { status: 200, description: 'The deleted holiday.', schema: holidayResource, example: scheduleExample.holidays[0] },
  errors: ['not_found'],
});
