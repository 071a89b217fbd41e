import { z } from 'zod';
import type { CallRecordView } from '@/lib/calls/call-record-view';
import { storableIsoDateTime } from '@/lib/dates/storable-date';
import type { MaskingSessionView } from '@/lib/masking/session-view';
import { listParamsShape } from '@/lib/pagination/cursor';
import { defineOperation } from '../operation';
import { idOf, pageOf, timestamp } from '../schemas';
import { clientIdParams } from './clients';

const e164 = (description: string, example: string) => z.string().regex(/^\+[1-9]\d{6,14}$/, 'Use an E.164 number with the plus.').meta({ description, example });
const seconds = (description: string, min: number, max: number, example: number) => z.number().int().min(min).max(max).meta({ description: `${description} (${min}–${max} s).`, example });
const dateTime = storableIsoDateTime('Use an ISO 8601 date-time.');

export const sessionIdParams = z.strictObject({ session_id: idOf('msn', 'The masking session’s id.') });
export const callRecordIdParams = z.strictObject({ call_record_id: idOf('call', 'The call record’s id.') });

const sessionStatus = z.enum(['active', 'in_progress', 'expired', 'ended']).meta({ description: '`active`: either party may call the virtual number; `in_progress`: a bridged call is up; `expired` or `ended` (cancelled): closed, the parties shown masked.' });

export const maskingSessionResource = z
  .object({
    object: z.literal('masking_session'),
    id: idOf('msn', 'The session.'),
    client_id: idOf('cli', 'The client whose masking pool bridges it.'),
    status: sessionStatus,
    virtual_number: z.string().meta({ description: 'The pool number both parties call; each sees only it.', example: '+918012345678' }),
    first_party: z.string().meta({ description: 'In full while the session is open; masked (`+91 ••••••••10`) once it has closed.', example: '+919812345610' }),
    second_party: z.string().meta({ example: '+919898765432' }),
    session_expiry: z.number().int().meta({ description: 'Seconds the session was last given (from creation or its last extension).' }),
    expires_at: timestamp,
    call_time_limit: z.number().int(),
    ring_timeout: z.number().int(),
    record: z.boolean(),
    consent_prompt: z.string().nullable().meta({ description: 'When recording: what both parties hear before the call is bridged.' }),
    initiate_call_to_first_party: z.boolean(),
    callback_url: z.string().nullable(),
    total_call_count: z.number().int(),
    total_billed_seconds: z.number().int(),
    total_amount: z.number().int().meta({ description: 'What its calls cost the client, paise.' }),
    end_reason: z.string().nullable().meta({ description: '`cancelled` or `expired`.' }),
    ended_at: timestamp.nullable(),
    created_at: timestamp,
  })
  .meta({ id: 'MaskingSession' });

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function toMaskingSessionResource(s: MaskingSessionView) {
  return {
    object: 'masking_session' as const,
    id: s.id,
    client_id: s.clientId,
    status: s.status,
    virtual_number: s.virtualNumber,
    first_party: s.firstParty,
    second_party: s.secondParty,
    session_expiry: s.sessionExpiry,
    expires_at: s.expiresAt.toISOString(),
    call_time_limit: s.callTimeLimit,
    ring_timeout: s.ringTimeout,
    record: s.record,
    consent_prompt: s.consentPrompt,
    initiate_call_to_first_party: s.initiateCallToFirstParty,
    callback_url: s.callbackUrl,
    total_call_count: s.totalCallCount,
    total_billed_seconds: s.totalBilledSeconds,
    total_amount: Number(s.totalAmount),
    end_reason: s.endReason,
    ended_at: iso(s.endedAt),
    created_at: s.createdAt.toISOString(),
  };
}

const sessionExample = {
  object: 'masking_session',
  id: 'msn_01kaz3d4mqf2v8n6w0c1e5rj7t',
  client_id: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t',
  status: 'active',
  virtual_number: '+918012345678',
  first_party: '+919812345610',
  second_party: '+919898765432',
  session_expiry: 3600,
  expires_at: '2026-11-22T10:30:00.000Z',
  call_time_limit: 3600,
  ring_timeout: 120,
  record: true,
  consent_prompt: 'This call will be recorded for quality and safety. Stay on the line to agree, or hang up.',
  initiate_call_to_first_party: false,
  callback_url: 'https://example.com/masking/callback',
  total_call_count: 0,
  total_billed_seconds: 0,
  total_amount: 0,
  end_reason: null,
  ended_at: null,
  created_at: '2026-11-22T09:30:00.000Z',
};

export const callRecordResource = z
  .object({
    object: z.literal('call_record'),
    id: idOf('call', 'The call leg.'),
    client_id: idOf('cli', 'The client billed for it.'),
    session_id: z.string().nullable().meta({ description: 'The masking session it belonged to.' }),
    call_id: z.string().meta({ description: 'The carrier’s call id (both legs of a bridged call share it).' }),
    leg: z.enum(['first_party', 'second_party', 'inbound', 'outbound']),
    direction: z.enum(['inbound', 'outbound']),
    number: z.string().meta({ description: 'Your client’s number the call used.', example: '+918012345678' }),
    from: z.string().meta({ description: 'A masking party’s number is masked once its session has closed.' }),
    to: z.string(),
    status: z.enum(['ringing', 'answered', 'ended']),
    outcome: z.string().nullable().meta({ description: '`completed`, `no_answer`, `busy`, `failed` or `cancelled`.' }),
    started_at: timestamp.nullable(),
    answered_at: timestamp.nullable(),
    ended_at: timestamp.nullable(),
    duration_seconds: z.number().int().nullable(),
    billed_minutes: z.number().int().nullable().meta({ description: 'Whole minutes, rounded up.' }),
    product: z.string().nullable().meta({ description: '`masking_minute`, `call_minute_inbound` or `call_minute_outbound`.' }),
    amount: z.number().int().nullable().meta({ description: 'Charged to the client’s wallet at your retail price, paise.' }),
    charge_status: z.enum(['pending', 'charged', 'none', 'failed']).nullable(),
    charge_id: z.string().nullable().meta({ description: 'The ledger charge (refundable like any charge).' }),
    charge_error: z.string().nullable(),
    recording_url: z.string().nullable(),
    created_at: timestamp,
  })
  .meta({ id: 'CallRecord' });

export function toCallRecordResource(r: CallRecordView) {
  return {
    object: 'call_record' as const,
    id: r.id,
    client_id: r.clientId,
    session_id: r.sessionId,
    call_id: r.callId,
    leg: r.leg as 'first_party' | 'second_party' | 'inbound' | 'outbound',
    direction: r.direction as 'inbound' | 'outbound',
    number: r.number,
    from: r.from,
    to: r.to,
    status: r.status,
    outcome: r.outcome,
    started_at: iso(r.startedAt),
    answered_at: iso(r.answeredAt),
    ended_at: iso(r.endedAt),
    duration_seconds: r.durationSeconds,
    billed_minutes: r.billedMinutes,
    product: r.product,
    amount: r.amount === null ? null : Number(r.amount),
    charge_status: r.chargeStatus,
    charge_id: r.chargeId,
    charge_error: r.chargeError,
    recording_url: r.recordingUrl,
    created_at: r.createdAt.toISOString(),
  };
}

const callRecordExample = {
  object: 'call_record',
  id: 'call_01kaz3d4mqf2v8n6w0c1e5rj7t',
  client_id: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t',
  session_id: 'msn_01kaz3d4mqf2v8n6w0c1e5rj7t',
  call_id: 'sim-6f1c…',
  leg: 'second_party',
  direction: 'outbound',
  number: '+918012345678',
  from: '+918012345678',
  to: '+919898765432',
  status: 'ended',
  outcome: 'completed',
  started_at: '2026-11-22T09:35:00.000Z',
  answered_at: '2026-11-22T09:35:04.000Z',
  ended_at: '2026-11-22T09:37:09.000Z',
  duration_seconds: 125,
  billed_minutes: 3,
  product: 'masking_minute',
  amount: 360,
  charge_status: 'charged',
  charge_id: 'lset_01kaz3d4mqf2v8n6w0c1e5rj7t',
  charge_error: null,
  recording_url: null,
  created_at: '2026-11-22T09:35:00.000Z',
};

export const createMaskingSessionOperation = defineOperation({
  method: 'POST',
  path: '/masking_sessions',
  operationId: 'createMaskingSession',
  summary: 'Create a masking session',
  description:
    'Bridges `first_party` and `second_party` over a virtual number from the client’s masking pool (its numbers marked for masking): each party calls that number and reaches the other without either seeing the other’s number. A party reaches at most one open session through one pool number, so when no pool number is free for both parties the answer is 409 `pool_exhausted` with `pool_size` and `numbers_needed`. With `record`, both parties hear `consent_prompt` before the call is bridged. With `callback_url`, the session’s changes and calls are POSTed there as Standard Webhooks requests signed with `callback_secret` (returned only here). Calls are charged per minute at your `masking_minute` retail price.',
  tag: 'Masking',
  scope: 'masking:write',
  body: z.strictObject({
    client_id: idOf('cli', 'The client whose pool bridges the calls.'),
    first_party: e164('The first party’s number, E.164.', '+919812345610'),
    second_party: e164('The second party’s number, E.164.', '+919898765432'),
    session_expiry: seconds('Seconds until the session expires', 60, 7_776_000, 3600).optional(),
    call_time_limit: seconds('The longest a bridged call may last', 60, 14_400, 3600).optional(),
    ring_timeout: seconds('How long the called party rings', 10, 300, 120).optional(),
    record: z.boolean().optional().meta({ description: 'Record bridged calls after a consent prompt.' }),
    consent_prompt: z.string().min(10).max(500).optional().meta({ description: 'What both parties hear before a recorded call; a default sentence otherwise.' }),
    initiate_call_to_first_party: z.boolean().optional().meta({ description: 'Call the first party at once, then bridge the second.' }),
    callback_url: z.string().max(2000).optional().meta({ description: 'https URL for the session’s callbacks (checked like webhook endpoints: no private addresses).', example: 'https://example.com/masking/callback' }),
  }),
  bodyExample: { client_id: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t', first_party: '+919812345610', second_party: '+919898765432', session_expiry: 3600, record: true, callback_url: 'https://example.com/masking/callback' },
  response: {
    status: 201,
    description: 'The session, with the secret its callbacks are signed with.',
    schema: maskingSessionResource.extend({ callback_secret: z.string().nullable().meta({ description: 'Shown once: verifies the callbacks’ `webhook-signature` (Standard Webhooks). Null without `callback_url`.' }) }),
    example: { ...sessionExample, callback_secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' },
  },
  errors: ['not_found', 'pool_exhausted', 'carrier_failed', 'conflict'],
});

export const listMaskingSessionsOperation = defineOperation({
  method: 'GET',
  path: '/masking_sessions',
  operationId: 'listMaskingSessions',
  summary: 'List masking sessions',
  description: 'Your masking sessions, newest first, filtered by status, client, virtual number and creation time.',
  tag: 'Masking',
  scope: 'masking:read',
  query: z.strictObject({
    ...listParamsShape,
    status: sessionStatus.optional(),
    client_id: z.string().min(1).max(64).optional().meta({ description: 'Only this client’s sessions.' }),
    virtual_number: z.string().min(1).max(20).optional().meta({ description: 'Only sessions over this pool number (E.164).', example: '+918012345678' }),
    created_gte: dateTime.optional().meta({ description: 'Created at or after.' }),
    created_lte: dateTime.optional().meta({ description: 'Created at or before.' }),
  }),
  response: { status: 200, description: 'A page of sessions.', schema: pageOf(maskingSessionResource), example: { object: 'list', data: [sessionExample], has_more: false } },
});

export const getMaskingSessionOperation = defineOperation({
  method: 'GET',
  path: '/masking_sessions/{session_id}',
  operationId: 'getMaskingSession',
  summary: 'Get a masking session',
  description: 'One session, with its totals. Once it has closed, both parties’ numbers are masked.',
  tag: 'Masking',
  scope: 'masking:read',
  params: sessionIdParams,
  response: { status: 200, description: 'The session.', schema: maskingSessionResource, example: sessionExample },
  errors: ['not_found'],
});

export const updateMaskingSessionOperation = defineOperation({
  method: 'PATCH',
  path: '/masking_sessions/{session_id}',
  operationId: 'updateMaskingSession',
  summary: 'Update a masking session',
  description: 'Extends or shortens an open session (`session_expiry` counts from now), changes its limits or recording, or swaps a party on the same virtual number (409 `party_in_use` when the new party already reaches another open session through it, also when two changes race for it). A closed session answers 409 `session_closed`.',
  tag: 'Masking',
  scope: 'masking:write',
  params: sessionIdParams,
  body: z.strictObject({
    session_expiry: seconds('Seconds from now until the session expires', 60, 7_776_000, 7200).optional(),
    call_time_limit: seconds('The longest a bridged call may last', 60, 14_400, 3600).optional(),
    ring_timeout: seconds('How long the called party rings', 10, 300, 120).optional(),
    record: z.boolean().optional(),
    first_party: e164('A new first party.', '+919812345610').optional(),
    second_party: e164('A new second party.', '+919898765432').optional(),
  }),
  bodyExample: { session_expiry: 7200 },
  response: { status: 200, description: 'The session as changed.', schema: maskingSessionResource, example: { ...sessionExample, session_expiry: 7200 } },
  errors: ['not_found', 'session_closed', 'party_in_use', 'carrier_failed'],
});

export const cancelMaskingSessionOperation = defineOperation({
  method: 'DELETE',
  path: '/masking_sessions/{session_id}',
  operationId: 'cancelMaskingSession',
  summary: 'End a masking session',
  description: 'Ends an open session now (`status` `ended`, `end_reason` `cancelled`): its virtual number stops bridging these parties and `masking_session.ended` is sent.',
  tag: 'Masking',
  scope: 'masking:write',
  params: sessionIdParams,
  response: { status: 200, description: 'The ended session, parties masked.', schema: maskingSessionResource, example: { ...sessionExample, status: 'ended', first_party: '+91 ••••••••10', second_party: '+91 ••••••••32', end_reason: 'cancelled', ended_at: '2026-11-22T09:40:00.000Z' } },
  errors: ['not_found', 'session_closed'],
});

export const listMaskingSessionLegsOperation = defineOperation({
  method: 'GET',
  path: '/masking_sessions/{session_id}/legs',
  operationId: 'listMaskingSessionLegs',
  summary: 'List a session’s call legs',
  description: 'Every leg of the session’s calls (the caller’s inbound leg and the bridged outbound leg), newest first, with duration, outcome and cost.',
  tag: 'Masking',
  scope: 'masking:read',
  params: sessionIdParams,
  query: z.strictObject({ ...listParamsShape }),
  response: { status: 200, description: 'A page of legs.', schema: pageOf(callRecordResource), example: { object: 'list', data: [callRecordExample], has_more: false } },
  errors: ['not_found'],
});

export const simulateMaskingCallOperation = defineOperation({
  method: 'POST',
  path: '/masking_sessions/{session_id}/simulate_call',
  operationId: 'simulateMaskingCall',
  summary: 'Simulate a call (test mode only)',
  description:
    'Calls the virtual number from one party as the carrier would: the bridge rings the other party and both legs are written through the same call-event ingestion as real calls, so legs, charges, `call.completed` and callbacks are the real ones. The called party’s number decides the outcome: ending in 0002 no answer, 0003 busy, 0004 cut at `call_time_limit`; a party ending in 0009 makes the carrier refuse a session. Refused with a live key.',
  tag: 'Masking',
  scope: 'masking:write',
  params: sessionIdParams,
  body: z.strictObject({
    from: z.enum(['first_party', 'second_party']).optional().meta({ description: 'Who dials the virtual number (default `first_party`).' }),
    duration_seconds: z.number().int().min(0).max(14_400).optional().meta({ description: 'How long the bridged call lasts once answered (default 125).', example: 125 }),
  }),
  bodyExample: { from: 'first_party', duration_seconds: 125 },
  response: {
    status: 200,
    description: 'The simulated call and its legs.',
    schema: z.object({ object: z.literal('simulated_call'), call_id: z.string(), legs: z.array(callRecordResource) }).meta({ id: 'SimulatedCall' }),
    example: { object: 'simulated_call', call_id: 'sim-6f1c…', legs: [callRecordExample] },
  },
  errors: ['forbidden', 'not_found', 'session_closed'],
});

export const getMaskingPoolOperation = defineOperation({
  method: 'GET',
  path: '/clients/{client_id}/masking_pool',
  operationId: 'getMaskingPool',
  summary: 'A client’s masking pool',
  description: 'The client’s numbers marked for masking, each with its open sessions, and `numbers_needed`: the size the pool needs for its busiest party to get one more session.',
  tag: 'Masking',
  scope: 'masking:read',
  params: clientIdParams,
  response: {
    status: 200,
    description: 'The pool.',
    schema: z.object({ object: z.literal('masking_pool'), client_id: z.string(), size: z.number().int(), numbers_needed: z.number().int(), numbers: z.array(z.object({ id: idOf('num', 'The number.'), number: z.string(), open_sessions: z.number().int() })) }).meta({ id: 'MaskingPool' }),
    example: { object: 'masking_pool', client_id: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t', size: 2, numbers_needed: 2, numbers: [{ id: 'num_01kaz3d4mqf2v8n6w0c1e5rj7t', number: '+918012345678', open_sessions: 3 }] },
  },
  errors: ['not_found'],
});

export const listCallRecordsOperation = defineOperation({
  method: 'GET',
  path: '/call_records',
  operationId: 'listCallRecords',
  summary: 'List call records',
  description: 'Every call leg of your clients, newest first, by masking session, client or number: duration, outcome and what it cost.',
  tag: 'Calls',
  scope: 'calls:read',
  query: z.strictObject({
    ...listParamsShape,
    session_id: z.string().min(1).max(64).optional().meta({ description: 'Only this masking session’s legs.' }),
    client_id: z.string().min(1).max(64).optional(),
    number: z.string().min(1).max(20).optional().meta({ description: 'Only calls on this number of yours (E.164).', example: '+918012345678' }),
  }),
  response: { status: 200, description: 'A page of call records.', schema: pageOf(callRecordResource), example: { object: 'list', data: [callRecordExample], has_more: false } },
});

export const getCallRecordOperation = defineOperation({
  method: 'GET',
  path: '/call_records/{call_record_id}',
  operationId: 'getCallRecord',
  summary: 'Get a call record',
  description: 'One call leg.',
  tag: 'Calls',
  scope: 'calls:read',
  params: callRecordIdParams,
  response: { status: 200, description: 'The call record.', schema: callRecordResource, example: callRecordExample },
  errors: ['not_found'],
});

const poolSettingsResource = z
  .object({
    object: z.literal('masking_pool_settings'),
    client_id: idOf('cli', 'The client.'),
    auto_buy: z.boolean().meta({ description: 'When a new session finds the pool exhausted, buy the numbers it needs (each a normal purchase charged to the client’s wallet; `masking_pool.auto_bought` is sent) and open the session.' }),
    max_pool_size: z.number().int().meta({ description: 'Auto-buy never grows the pool past this many numbers (1–100).' }),
    region: z.string().nullable().meta({ description: 'The region auto-buy searches (a telecom circle code); any when null.', example: 'KA' }),
    type: z.enum(['local', 'mobile', 'toll_free']),
  })
  .meta({ id: 'MaskingPoolSettings' });
const poolSettingsExample = { object: 'masking_pool_settings', client_id: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t', auto_buy: true, max_pool_size: 10, region: 'KA', type: 'local' };

export const getMaskingPoolSettingsOperation = defineOperation({
  method: 'GET',
  path: '/clients/{client_id}/masking_pool/settings',
  operationId: 'getMaskingPoolSettings',
  summary: 'Get a masking pool’s settings',
  description: 'Whether the client’s masking pool buys numbers by itself when exhausted, up to which size, and which numbers.',
  tag: 'Masking',
  scope: 'masking:read',
  params: clientIdParams,
  response: { status: 200, description: 'The settings (auto-buy off until set).', schema: poolSettingsResource, example: poolSettingsExample },
  errors: ['not_found'],
});

export const setMaskingPoolSettingsOperation = defineOperation({
  method: 'PUT',
  path: '/clients/{client_id}/masking_pool/settings',
  operationId: 'setMaskingPoolSettings',
  summary: 'Change a masking pool’s settings',
  description: 'Turns auto-buy on or off. With it on, a session the pool cannot serve buys the numbers the pool needs from the inventory (region and type as set), charges them to the client’s wallet like any purchase, adds them to the pool and opens the session; when it cannot (`max_pool_size` reached, no stock, the wallet cannot pay) the answer is still 409 `pool_exhausted`, with `auto_buy` saying why.',
  tag: 'Masking',
  scope: 'masking:write',
  params: clientIdParams,
  body: z.strictObject({ auto_buy: z.boolean(), max_pool_size: z.number().int().min(1).max(100).optional(), region: z.string().nullable().optional(), type: z.enum(['local', 'mobile', 'toll_free']).optional() }),
  bodyExample: { auto_buy: true, max_pool_size: 10, region: 'KA', type: 'local' },
  response: { status: 200, description: 'The settings now.', schema: poolSettingsResource, example: poolSettingsExample },
  errors: ['not_found'],
});

export const setNumberMaskingOperation = defineOperation({
  method: 'PUT',
  path: '/numbers/{number_id}/masking',
  operationId: 'setNumberMasking',
  summary: 'Put a number in its client’s masking pool, or take it out',
  description: 'With `masking: true` the client’s active number joins its masking pool, so sessions may bridge calls over it; `false` takes it out (409 `conflict` while a session is open on it). A released number leaves the pool by itself.',
  tag: 'Masking',
  scope: 'masking:write',
  params: z.strictObject({ number_id: idOf('num', 'The number’s id.') }),
  body: z.strictObject({ masking: z.boolean() }),
  bodyExample: { masking: true },
  response: {
    status: 200,
    description: 'The number’s place in the pool.',
    schema: z.object({ object: z.literal('number_masking'), number_id: idOf('num', 'The number.'), number: z.string(), client_id: idOf('cli', 'Its client.'), masking: z.boolean() }).meta({ id: 'NumberMasking' }),
    example: { object: 'number_masking', number_id: 'num_01kaz3d4mqf2v8n6w0c1e5rj7t', number: '+918012345678', client_id: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t', masking: true },
  },
  errors: ['not_found', 'conflict'],
});

export const toPoolSettingsResource = (clientId: string, s: { autoBuy: boolean; maxPoolSize: number; region: string | null; type: 'local' | 'mobile' | 'toll_free' }) => ({ object: 'masking_pool_settings' as const, client_id: clientId, auto_buy: s.autoBuy, max_pool_size: s.maxPoolSize, region: s.region, type: s.type });
