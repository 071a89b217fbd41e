import { z } from 'zod';

export const hexColorSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^#[0-9a-f]{6}$/, 'Use a hex colour such as #4f46e5.');

export const updateBrandingSchema = z.object({
  productName: z.string().trim().min(2, 'Use at least 2 characters.').max(60, 'Use at most 60 characters.'),
  primaryColor: hexColorSchema,
  secondaryColor: hexColorSchema,
  supportEmail: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.union([z.literal(''), z.email('Enter a valid e-mail address, or leave it empty.')]))
    .transform((value) => value || null),
});
export type UpdateBrandingInput = z.input<typeof updateBrandingSchema>;

export { maxLogoBytes } from './logo-limits';
