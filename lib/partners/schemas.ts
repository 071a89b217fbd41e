import { z } from 'zod';
import { partnerTier } from '@/db/schema';

/** Host labels that would be confusing or dangerous as a partner's subdomain. */
const reservedSlugs = new Set(['www', 'admin', 'api', 'app', 'console', 'docs', 'mail', 'smtp', 'status', 'support', 'static', 'assets', 'cdn', 'auth', 'login', 'platform', 'sandbox', 'test', 'dev']);

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'Use at least 3 characters.')
  .max(40, 'Use at most 40 characters.')
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'Use lower-case letters, digits and inner hyphens only (it becomes a host name).')
  .refine((slug) => !slug.includes('--'), 'Avoid two hyphens in a row.')
  .refine((slug) => !reservedSlugs.has(slug), 'This name is reserved; choose another.');

export const tierSchema = z.enum(partnerTier.enumValues, 'Choose standard, premium or enterprise.');

export const createPartnerSchema = z.object({
  slug: slugSchema,
  name: z.string().trim().min(2, 'Use at least 2 characters.').max(80, 'Use at most 80 characters.'),
  tier: tierSchema.default('standard'),
});
export type CreatePartnerInput = z.input<typeof createPartnerSchema>;

export const changeTierSchema = z.object({ partnerId: z.string().min(1), tier: tierSchema });

export const setPartnerStatusSchema = z.object({
  partnerId: z.string().min(1),
  status: z.enum(['active', 'suspended']),
  reason: z.string().trim().max(500, 'Use at most 500 characters.').optional(),
});

/** A per-partner API rate limit in requests an hour; empty or `default` means the tier's limit. */
export const setRateLimitSchema = z.object({
  partnerId: z.string().min(1),
  rateLimitPerHour: z.preprocess(
    (value) => (value === '' || value === 'default' || value === undefined ? null : value),
    z.coerce.number('Enter a number of requests an hour.').int('Use a whole number.').min(1, 'Allow at least 1 request an hour.').max(1_000_000, 'Use at most 1,000,000.').nullable(),
  ),
});

export const tierLabels = { standard: 'Standard', premium: 'Premium', enterprise: 'Enterprise' } as const;
