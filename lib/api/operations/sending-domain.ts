import { z } from 'zod';
import { setSendingDomainSchema } from '@/lib/sending-domains/manage-sending-domain';
import { defineOperation } from '../operation';
import { idOf, timestamp } from '../schemas';

const recordStatus = z.enum(['pending', 'verified', 'missing', 'mismatch']).meta({ description: '`pending` until checked; `missing` when no such record was found; `mismatch` when one was found with another value.' });

export const sendingDomainResource = z
  .object({
    object: z.literal('sending_domain'),
    id: idOf('sdm', 'The sending domain’s id.'),
    domain: z.string(),
    from_address: z.string().meta({ description: 'The address your e-mail goes from once the domain is verified.' }),
    status: z.enum(['pending', 'verified']).meta({ description: '`verified` while the SPF and DKIM records are found. Until then e-mail goes from the platform’s address with your product name as its name and your support address as Reply-To.' }),
    records: z.array(z.object({ kind: z.enum(['spf', 'dkim', 'dmarc']), type: z.literal('TXT'), name: z.string(), value: z.string(), required: z.boolean(), status: recordStatus })),
    verified_at: timestamp.nullable(),
    last_checked_at: timestamp.nullable(),
  })
  .meta({ id: 'SendingDomain' });

const example = {
  object: 'sending_domain',
  id: 'sdm_01kaz3d4mqf2v8n6w0c1e5rj7t',
  domain: 'mail.acme.example',
  from_address: 'notifications@mail.acme.example',
  status: 'pending',
  records: [
    { kind: 'spf', type: 'TXT', name: 'mail.acme.example', value: 'v=spf1 include:_spf.example.net ~all', required: true, status: 'verified' },
    { kind: 'dkim', type: 'TXT', name: 'mail3fa2c1._domainkey.mail.acme.example', value: 'v=DKIM1; k=rsa; p=MIIBIjANBgkqh…', required: true, status: 'missing' },
    { kind: 'dmarc', type: 'TXT', name: '_dmarc.mail.acme.example', value: 'v=DMARC1; p=none; rua=mailto:dmarc@mail.acme.example', required: false, status: 'missing' },
  ],
  verified_at: null,
  last_checked_at: '2026-11-22T10:00:00.000Z',
};

export const getSendingDomainOperation = defineOperation({
  method: 'GET',
  path: '/sending_domain',
  operationId: 'getSendingDomain',
  summary: 'Get your sending domain',
  description: 'The domain your e-mail goes from, the DNS records it needs and each one’s status at the last check (404 when none is set).',
  tag: 'E-mail templates',
  scope: 'templates:read',
  response: { status: 200, description: 'The sending domain.', schema: sendingDomainResource, example },
  errors: ['not_found'],
});

export const setSendingDomainOperation = defineOperation({
  method: 'PUT',
  path: '/sending_domain',
  operationId: 'setSendingDomain',
  summary: 'Set your sending domain',
  description: 'Sets (or replaces) the domain your e-mail goes from and generates its DKIM key; publish the records returned, then check them. The private key never leaves the platform. Test keys read the live sending domain but cannot change it (403).',
  tag: 'E-mail templates',
  scope: 'templates:write',
  body: z.strictObject(setSendingDomainSchema.shape),
  bodyExample: { domain: 'mail.acme.example' },
  response: { status: 200, description: 'The domain and the records to publish.', schema: sendingDomainResource, example: { ...example, last_checked_at: null, records: example.records.map((r) => ({ ...r, status: 'pending' })) } },
  errors: ['conflict', 'forbidden'],
});

export const removeSendingDomainOperation = defineOperation({
  method: 'DELETE',
  path: '/sending_domain',
  operationId: 'removeSendingDomain',
  summary: 'Remove your sending domain',
  description: 'E-mail goes from the platform’s address in your name again; the domain’s DKIM key is deleted. Needs a live key (403 with a test key).',
  tag: 'E-mail templates',
  scope: 'templates:write',
  response: { status: 200, description: 'Removed.', schema: z.object({ object: z.literal('sending_domain'), deleted: z.literal(true) }).meta({ id: 'DeletedSendingDomain' }), example: { object: 'sending_domain', deleted: true } },
  errors: ['not_found', 'forbidden'],
});

export const verifySendingDomainOperation = defineOperation({
  method: 'POST',
  path: '/sending_domain/verify',
  operationId: 'verifySendingDomain',
  summary: 'Check your sending domain’s records',
  description: 'Looks each record up in DNS now and stores its status. Emits `sending_domain.status_changed` when the domain becomes verified or stops being so.',
  tag: 'E-mail templates',
  scope: 'templates:write',
  response: { status: 200, description: 'The domain with each record’s status.', schema: sendingDomainResource, example },
  errors: ['not_found', 'forbidden'],
});
