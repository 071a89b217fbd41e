import { z } from 'zod';
import { createLinkSchema, linkPrefillSchema } from '@/lib/onboarding/schemas';
import { listParamsShape } from '@/lib/pagination/cursor';
import { defineOperation } from '../operation';
import { idOf, pageOf, timestamp } from '../schemas';

const prefill = z.object({ name: z.string().optional(), email: z.string().optional(), mobile: z.string().optional(), country_code: z.string().optional() });

export const onboardingLinkResource = z
  .object({
    object: z.literal('onboarding_link'),
    id: idOf('lnk', 'The link’s id.'),
    status: z.enum(['active', 'used', 'revoked', 'expired']).meta({ description: '`active` until the link is revoked, used (its client created) or past `expires_at`.' }),
    prefill,
    note: z.string().nullable(),
    registration_id: z.string().nullable(),
    client_id: z.string().nullable(),
    expires_at: timestamp.meta({ description: 'After this time the link cannot start a registration; one begun before goes on until it is completed or itself expires.' }),
    created_at: timestamp,
  })
  .meta({ id: 'OnboardingLink' });

const example = { object: 'onboarding_link', id: 'lnk_01kaz3d4mqf2v8n6w0c1e5rj7t', status: 'active', prefill: { name: 'Acme Corp', email: 'ops@acme.example' }, note: 'Met at the expo', registration_id: null, client_id: null, expires_at: '2026-11-29T10:00:00.000Z', created_at: '2026-11-22T10:00:00.000Z' };
const linkIdParams = z.strictObject({ link_id: idOf('lnk', 'The link’s id.') });

export const createOnboardingLinkOperation = defineOperation({
  method: 'POST',
  path: '/onboarding_links',
  operationId: 'createOnboardingLink',
  summary: 'Create a hosted onboarding link',
  description: 'A single-client link on your own domain (`/onboard/<token>`) where a prospect registers, verifies the OTPs and completes KYC in your brand. Optionally prefilled; expires after 1–30 days (default 7); revocable. The `url` is returned only here.',
  tag: 'Onboarding',
  scope: 'onboarding:write',
  // The domain's field schemas (a JSON number rather than the form's text for the days), so every field is checked at once.
  body: z.strictObject({
    prefill: linkPrefillSchema.optional(),
    expires_in_days: z.number().int('Use a whole number of days.').min(1, 'At least 1 day.').max(30, 'At most 30 days.').optional(),
    note: createLinkSchema.shape.note,
  }),
  bodyExample: { prefill: { name: 'Acme Corp', email: 'ops@acme.example' }, expires_in_days: 7, note: 'Met at the expo' },
  response: {
    status: 201,
    description: 'The link, with its URL (shown once).',
    schema: onboardingLinkResource.extend({ url: z.string().meta({ description: 'Send this to the prospect. It is not shown again.' }) }),
    example: { ...example, url: 'https://portal.acme.example/onboard/3q2-Xb9…' },
  },
  errors: ['validation_failed'],
});

export const listOnboardingLinksOperation = defineOperation({
  method: 'GET',
  path: '/onboarding_links',
  operationId: 'listOnboardingLinks',
  summary: 'List onboarding links',
  description: 'Links newest first, with their status (active, used, revoked, expired) and the registration or client each led to.',
  tag: 'Onboarding',
  scope: 'onboarding:read',
  query: z.strictObject({ ...listParamsShape }),
  response: { status: 200, description: 'A page of links.', schema: pageOf(onboardingLinkResource), example: { object: 'list', data: [example], has_more: false } },
});

export const getOnboardingLinkOperation = defineOperation({
  method: 'GET',
  path: '/onboarding_links/{link_id}',
  operationId: 'getOnboardingLink',
  summary: 'Get an onboarding link',
  description: 'One link and what became of it.',
  tag: 'Onboarding',
  scope: 'onboarding:read',
  params: linkIdParams,
  response: { status: 200, description: 'The link.', schema: onboardingLinkResource, example },
  errors: ['not_found'],
});

export const revokeOnboardingLinkOperation = defineOperation({
  method: 'POST',
  path: '/onboarding_links/{link_id}/revoke',
  operationId: 'revokeOnboardingLink',
  summary: 'Revoke an onboarding link',
  description: 'The link stops working at once. A link that already created a client cannot be revoked (409).',
  tag: 'Onboarding',
  scope: 'onboarding:write',
  params: linkIdParams,
  response: { status: 200, description: 'The revoked link.', schema: onboardingLinkResource, example: { ...example, status: 'revoked' } },
  errors: ['not_found', 'conflict'],
});
