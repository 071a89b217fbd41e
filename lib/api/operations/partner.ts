import { z } from 'zod';
import { defineOperation } from '../operation';
import { idOf } from '../schemas';

export const partnerResource = z
  .object({
    object: z.literal('partner'),
    id: idOf('ptn', 'The live partner’s id (send it as X-Partner-ID if you like).'),
    name: z.string(),
    slug: z.string(),
    environment: z.enum(['live', 'test']).meta({ description: '`test` for sk_test_ keys: every call acts on the sandbox.' }),
    acting_partner_id: idOf('ptn', 'The partner the key acts on: the live partner, or its sandbox.'),
    tier: z.enum(['standard', 'premium', 'enterprise']),
    rate_limit: z.object({ limit: z.number().int(), window_seconds: z.literal(3600) }),
    scopes: z.array(z.string()),
  })
  .meta({ id: 'Partner' });

// GET /api/v1/partner – who am I
export const getPartnerOperation = defineOperation({
  method: 'GET',
  path: '/partner',
  operationId: 'getPartner',
  summary: 'Who am I',
  description: 'The partner this API key belongs to, the environment it acts in, its tier and rate limit, and the key’s scopes. Any valid key may call it.',
  tag: 'Partner',
  scope: null,
  response: {
    status: 200,
    description: 'The partner.',
    schema: partnerResource,
    example: { object: 'partner', id: 'ptn_01kaz3d4mqf2v8n6w0c1e5rj7t', name: 'Acme Telecom', slug: 'acme', environment: 'live', acting_partner_id: 'ptn_01kaz3d4mqf2v8n6w0c1e5rj7t', tier: 'premium', rate_limit: { limit: 10000, window_seconds: 3600 }, scopes: ['clients:read'] },
  },
});
