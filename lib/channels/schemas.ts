import { z } from 'zod';

const days = (label: string) => z.coerce.number(`Give ${label} as a whole number of days.`).int(`Give ${label} as a whole number of days.`);
const comment = z.string('Say why, for the books.').trim().min(1, 'Say why, for the books.').max(500, 'Keep the comment under 500 characters.');

export const defaultTrialDays = 5;

export const createChannelSchema = z.object({
  clientId: z.string('Choose a client.').min(1, 'Choose a client.'),
  name: z.string('Give the channel a name.').trim().min(1, 'Give the channel a name.').max(80, 'Keep the name under 80 characters.'),
  trialDays: z.preprocess((v) => (v === '' || v === null ? undefined : v), days('the trial').min(1, 'A trial lasts at least 1 day.').max(30, 'A trial lasts at most 30 days.').default(defaultTrialDays)),
});

export const extendChannelSchema = z.object({
  days: days('the days').min(1, 'Allocate at least 1 day.').max(3650, 'Allocate at most 3650 days at once.'),
  comment,
});

export const reclaimDaysSchema = z.object({
  /** The unused days to leave on the channel; everything above them goes back to the day balance. */
  keepDays: days('the days to keep').min(0, 'Keep 0 days or more.').max(100_000, 'That is more days than a channel holds.'),
  comment,
});

export const deleteChannelSchema = z.object({ comment });

export const pairingCodeSchema = z.object({
  phone: z
    .string('Give the phone number with its country code.')
    .trim()
    .transform((v) => v.replace(/[\s()-]/g, ''))
    .pipe(z.string().regex(/^\+?[1-9]\d{7,14}$/, 'Give the phone number with its country code, such as +91 98765 43210.'))
    .transform((v) => (v.startsWith('+') ? v : `+${v}`)),
});

export const simulateScanSchema = z.object({
  phone: z.preprocess((v) => (v === '' ? undefined : v), pairingCodeSchema.shape.phone.optional()),
});

export const daysThresholdSchema = z.object({
  /** Whole days; null switches the alert off. */
  threshold: z.preprocess((v) => (v === '' ? null : v), z.union([z.null(), days('the threshold').min(0, 'A threshold cannot be negative.').max(1_000_000, 'That threshold is too large.')])),
});

export const buyDaysSchema = z.object({
  quantity: z.coerce.number('Give a whole number of days.').int('Give a whole number of days.').min(1, 'Buy at least 1 day.').max(1_000_000, 'That is more than one purchase allows.'),
});

export const channelWebhookSchema = z.object({
  url: z.string('Give an https:// URL.').trim().url('Give an https:// URL.').max(2048, 'Keep the URL under 2048 characters.'),
});

export const channelListFilters = z.object({
  status: z.enum(['active', 'stopped', 'deleted']).optional(),
  mode: z.enum(['trial', 'live']).optional(),
  clientId: z.string().min(1).optional(),
});
