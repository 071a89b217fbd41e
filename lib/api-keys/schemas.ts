import { z } from 'zod';
import { scopeSchema } from './scopes';

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, 'Name the key after what uses it, e.g. “CRM sync”.').max(80, 'Use at most 80 characters.'),
  mode: z.enum(['live', 'test'], 'Choose live or test.'),
  scopes: z.array(scopeSchema).min(1, 'Choose at least one scope.'),
  expiresAt: z.coerce
    .date('Enter a valid date.')
    .refine((date) => date.getTime() > Date.now(), 'The expiry must be in the future.')
    .optional(),
});
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

/** `sk_live_` or `sk_test_` followed by 32 base64url characters (192 random bits). */
export const apiKeyPattern = /^sk_(live|test)_[A-Za-z0-9_-]{32}$/;
