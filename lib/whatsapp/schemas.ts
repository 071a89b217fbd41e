import { z } from 'zod';

const phoneNumberId = z
  .string('Enter the phone number id from WhatsApp Manager.')
  .trim()
  .regex(/^\d{5,25}$/, 'Enter the phone number id: the digits Meta shows as “Phone number ID” (not the phone number itself).')
  .meta({ description: 'Meta’s phone number id (WhatsApp Manager → Phone numbers), not the phone number.', example: '1029384756' });

const accessToken = z
  .string('Enter the access token.')
  .trim()
  .min(20, 'Enter the whole access token (it is long, and starts with EAA).')
  .max(1024, 'An access token is at most 1024 characters.')
  .regex(/^[A-Za-z0-9_\-.|]+$/, 'An access token has no spaces or punctuation other than - _ . |; paste it again.')
  .meta({ description: 'A system-user or business integration token with whatsapp_business_management and whatsapp_business_messaging. Verified with Meta, stored encrypted, never returned.', example: 'EAAGm0PX4ZCpsBAExampleTokenZZZ' });

const optionalText = (max: number, description: string, example: string) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .nullish()
    .transform((value) => value || null)
    .meta({ description, example });

export const linkWhatsappNumberSchema = z.strictObject({
  client_id: z.string('Choose the client.').trim().min(1, 'Choose the client.').meta({ description: 'The client the number serves.', example: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t' }),
  phone_number_id: phoneNumberId,
  access_token: accessToken,
  display_number: optionalText(32, 'The number as you know it; Meta’s own display number wins and a difference is shown.', '+911143104501'),
  verified_name: optionalText(200, 'The business name as you know it; Meta’s verified name wins and a difference is shown.', 'Acme Corp'),
});

export type LinkWhatsappNumberInput = z.input<typeof linkWhatsappNumberSchema>;

export const whatsappNumberStatuses = ['active', 'token_expired', 'needs_attention', 'unlinked'] as const;

export const listWhatsappNumbersFilterSchema = z.object({
  client_id: z.string().trim().min(1).optional().meta({ description: 'Only this client’s numbers.' }),
  status: z.enum(whatsappNumberStatuses, 'Choose active, token_expired, needs_attention or unlinked.').optional().meta({ description: 'Only numbers in this status; unlinked numbers are listed only when asked for.' }),
});
