import { z } from 'zod';
import { partnerRole } from '@/db/schema';
import { passwordSchema } from '@/lib/auth/password-policy';

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email('Enter a valid e-mail address.'));
export const personNameSchema = z.string().trim().min(1, 'Enter a name.').max(100, 'Use at most 100 characters.');
export const roleSchema = z.enum(partnerRole.enumValues, 'Choose owner, admin or member.');

/**
 * Adding a team member either sets a password now (shown once to whoever adds them) or sends an invitation
 * link with which the person chooses their own.
 */
export const addTeamMemberSchema = z.object({
  email: emailSchema,
  name: personNameSchema,
  role: roleSchema.default('member'),
  delivery: z.enum(['invite', 'password']).default('invite'),
});
export type AddTeamMemberInput = z.input<typeof addTeamMemberSchema>;

export const changeRoleSchema = z.object({ userId: z.string().min(1), role: roleSchema });

export const acceptInviteSchema = z.object({
  token: z.string().min(20).max(100),
  name: personNameSchema,
  password: passwordSchema,
});
