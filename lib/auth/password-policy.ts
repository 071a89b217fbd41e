import { z } from 'zod';

/** One password rule for every audience: long enough to matter, short enough to stay within argon2's sweet spot. */
export const passwordSchema = z
  .string()
  .min(10, 'Use at least 10 characters.')
  .max(128, 'Use at most 128 characters.')
  .refine((value) => /[a-zA-Z]/.test(value) && /[^a-zA-Z]/.test(value), 'Mix letters with digits or symbols.');
