import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { z } from 'zod';
import { passwordSchema } from '@/lib/auth/password-policy';

/** A phone number in E.164; a bare 10-digit Indian mobile is read as +91. */
export const agentPhoneSchema = z
  .string('Enter the agent’s phone number.')
  .trim()
  .min(1, 'Enter the agent’s phone number.')
  .max(32, 'Use at most 32 characters.')
  .transform((value, context) => {
    const parsed = parsePhoneNumberFromString(value.startsWith('+') ? value : /^\d{10}$/.test(value) ? `+91${value}` : `+${value}`);
    if (!parsed?.isValid()) {
      context.addIssue({ code: 'custom', message: 'Enter a valid phone number in international form, e.g. +919876543210.' });
      return z.NEVER;
    }
    return parsed.number;
  })
  .meta({ description: 'E.164; a bare 10-digit number is read as an Indian mobile (+91).', example: '+919876543210' });

export const extensionSchema = z
  .string()
  .trim()
  .regex(/^[1-9][0-9]{1,5}$/, 'Use 2 to 6 digits, not starting with 0.')
  .meta({ description: 'Unique within the client; 2–6 digits. Left out: the lowest free one in the client’s range.', example: '2101' });

const nameSchema = z.string('Enter the agent’s name.').trim().min(1, 'Enter the agent’s name.').max(100, 'Use at most 100 characters.');
const emailSchema = z.email('Enter a valid e-mail address.').trim().toLowerCase().max(254, 'Use at most 254 characters.');
const optionalId = z
  .string()
  .trim()
  .max(64)
  .nullish()
  .transform((value) => value || null);

export const permissionGroups = ['admin', 'supervisor', 'agent'] as const;
export const dialPreferences = ['webrtc', 'phone'] as const;

export const agentFields = {
  name: nameSchema,
  email: emailSchema,
  phone: agentPhoneSchema,
  password: passwordSchema.meta({ description: 'For the agent’s softphone sign-in; stored hashed, never returned.', example: 'Secure-pass-2101' }),
  extension: extensionSchema.nullish().transform((value) => value || null),
  reportingManagerId: optionalId.meta({ description: 'Another agent of the same client.' }),
  managerId: optionalId.meta({ description: 'Another agent of the same client.' }),
  webrtc: z.boolean('Choose whether WebRTC is on.').default(true),
  dialPreference: z.enum(dialPreferences, 'Choose WebRTC or phone.').default('webrtc'),
  permissionGroup: z.enum(permissionGroups, 'Choose admin, supervisor or agent.').default('agent'),
};

export const createAgentSchema = z.object(agentFields);

/** Every field optional: what is left out stays. A new password replaces the old. */
export const updateAgentSchema = z.object({
  name: nameSchema.optional(),
  email: emailSchema.optional(),
  phone: agentPhoneSchema.optional(),
  password: passwordSchema.optional(),
  extension: extensionSchema.optional(),
  reportingManagerId: optionalId.optional(),
  managerId: optionalId.optional(),
  webrtc: z.boolean().optional(),
  dialPreference: z.enum(dialPreferences, 'Choose WebRTC or phone.').optional(),
  permissionGroup: z.enum(permissionGroups, 'Choose admin, supervisor or agent.').optional(),
});

export const manualAvailabilities = ['available', 'break', 'offline'] as const;
export const setAvailabilitySchema = z.object({
  availability: z.enum(manualAvailabilities, 'Choose available, break or offline.').meta({ description: 'What the agent chooses. During a call the change waits for the call to end.' }),
});

export type CreateAgentInput = z.input<typeof createAgentSchema>;
export type UpdateAgentInput = z.input<typeof updateAgentSchema>;
