import { createMaskingSessionOperation, toMaskingSessionResource } from '@/lib/api/operations/masking';
import { createMaskingSession } from '@/lib/masking/sessions';
import { available, type DataField } from '../endpoint';
import { integer, text } from '../fields';

/**
 * IVR Solutions' click-to-connect number masking: `POST /api/click_connect` (its product page names the
 * endpoint; its reference documents no fields), answered by the masking session Switchboard creates over REST.
 */

const group = 'Number Masking' as const;

const sessionData: DataField[] = [
  { name: 'session_id', from: 'id', note: 'The masking session (msn_…); update and end it over /api/v1/masking_sessions.' },
  { name: 'virtual_number', from: 'virtual_number', note: 'The number both parties call.' },
  { name: 'status', from: 'status' },
  { name: 'expires_at', from: 'expires_at' },
  { name: 'callback_secret', from: 'callback_secret', note: 'Not an IVR Solutions field: verifies the signed callbacks; shown once.' },
];

const flag = (value: string | undefined) => (value === undefined ? undefined : ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()));

export const clickConnect = available({
  group,
  method: 'POST',
  path: 'click_connect',
  summary: 'Connect two parties over a masked number',
  example: { client_id: 'CLIENTAPIKEY12345', first_party: '+919812345610', second_party: '+919898765432', session_expiry: '3600', record: '0' },
  rest: createMaskingSessionOperation,
  fields: {
    client_id: text('client_id', 'client_id', { difference: 'The client id (cli_…); its masking pool bridges the call.' }),
    first_party: text('first_party', 'first_party', { difference: 'E.164 with the plus.' }),
    second_party: text('second_party', 'second_party', { difference: 'E.164 with the plus.' }),
    session_expiry: integer('session_expiry', 'session_expiry', { difference: 'Seconds, 60 to 90 days; default 3600.' }),
    call_time_limit: integer('call_time_limit', 'call_time_limit', { difference: 'Seconds, 60–14400; default 3600.' }),
    record: text('record', 'record', { required: false, difference: '"1" records after a consent prompt to both parties.' }),
    callback_url: text('callback_url', 'callback_url', { required: false, difference: 'https URL; callbacks are Standard Webhooks requests signed with callback_secret.' }),
  },
  data: { shape: 'object', fields: sessionData },
  differences: [
    'IVR Solutions serves it at /api/click_connect; it is answered there and at /partnerclients/click_connect.',
    'Its reference names the endpoint without its fields: these are the masking session’s (first_party, second_party, session_expiry…).',
    'When no pool number is free for both parties the answer is 409 with pool_size and numbers_needed.',
  ],
  call: async (ctx, input) => createMaskingSession(ctx, { ...input, record: flag(input.record) }),
  resource: (created) => ({ ...toMaskingSessionResource(created.session), callback_secret: created.callbackSecret }),
  message: () => 'Click-to-connect session created',
});

export const maskingGroup = [clickConnect];
