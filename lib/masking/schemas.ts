import { z } from 'zod';

/**
 * The masking session's input, field for field Plivo's masking session (the model the issue names), shared by
 * the console's form, REST (`POST /api/v1/masking_sessions`) and the OpenAPI document.
 */
export const partyNumber = z
  .string('Give the number in E.164 form, e.g. +919812345678.')
  .trim()
  .transform((value) => value.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^\+[1-9]\d{6,14}$/, 'Give the number in E.164 form with the plus, e.g. +919812345678.'));

const flag = z.union([z.boolean(), z.literal('on').transform(() => true), z.literal('true').transform(() => true), z.literal('false').transform(() => false), z.literal('').transform(() => false)]);
const seconds = (label: string, min: number, max: number) => z.coerce.number(`Give ${label} in seconds.`).int(`Give ${label} in whole seconds.`).min(min, `${label[0]!.toUpperCase()}${label.slice(1)} must be at least ${min} s.`).max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be at most ${max} s.`);

export const sessionExpiry = seconds('the session expiry', 60, 90 * 24 * 3600);
export const callTimeLimit = seconds('the call time limit', 60, 14_400);
export const ringTimeout = seconds('the ring timeout', 10, 300);
export const consentPrompt = z.string().trim().min(10, 'Write the consent prompt as a sentence (at least 10 characters).').max(500, 'Keep the consent prompt under 500 characters.');
export const callbackUrl = z.url({ protocol: /^https?$/, error: 'Give an http:// or https:// URL.' }).max(2000, 'Keep the URL under 2,000 characters.');

export const defaultConsentPrompt = 'This call will be recorded for quality and safety. Stay on the line to agree, or hang up.';

export const createMaskingSessionSchema = z
  .object({
    client_id: z.string('Choose the client.').min(1, 'Choose the client.'),
    first_party: partyNumber,
    second_party: partyNumber,
    session_expiry: sessionExpiry.default(3600),
    call_time_limit: callTimeLimit.default(3600),
    ring_timeout: ringTimeout.default(120),
    record: flag.default(false),
    consent_prompt: z.union([z.literal('').transform(() => undefined), consentPrompt]).optional(),
    initiate_call_to_first_party: flag.default(false),
    callback_url: z.union([z.literal('').transform(() => undefined), callbackUrl]).optional(),
  })
  .refine((data) => data.first_party !== data.second_party, { path: ['second_party'], message: 'The second party must be another number than the first.' });

export const updateMaskingSessionSchema = z
  .object({
    session_expiry: sessionExpiry.optional().meta({ description: 'Seconds from now until the session expires: extends (or shortens) it.' }),
    call_time_limit: callTimeLimit.optional(),
    ring_timeout: ringTimeout.optional(),
    record: flag.optional(),
    first_party: partyNumber.optional(),
    second_party: partyNumber.optional(),
  })
  .refine((data) => Object.values(data).some((value) => value !== undefined), { message: 'Change at least one field.' });

export const simulateMaskingCallSchema = z.object({
  from: z.enum(['first_party', 'second_party'], 'Choose which party calls: first_party or second_party.').default('first_party'),
  duration_seconds: z.coerce.number('Give the duration in seconds.').int('Give whole seconds.').min(0, 'The duration cannot be negative.').max(14_400, 'At most 14,400 s (4 hours).').default(125),
});

export type CreateMaskingSessionInput = z.input<typeof createMaskingSessionSchema>;
export type UpdateMaskingSessionInput = z.input<typeof updateMaskingSessionSchema>;
