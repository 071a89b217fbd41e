import { z } from 'zod';
import { clientMemberRole } from '@/db/schema';
import { acceptInviteSchema, emailSchema, personNameSchema } from '@/lib/team/schemas';

export const clientMemberRoleSchema = z.enum(clientMemberRole.enumValues, 'Choose owner or member.');

/** One schema for the portal's form, the partner console's and the REST body. */
export const inviteClientMemberSchema = z.object({ email: emailSchema, name: personNameSchema, role: clientMemberRoleSchema.default('member') });
export type InviteClientMemberInput = z.input<typeof inviteClientMemberSchema>;

export const changeClientMemberRoleSchema = z.object({ role: clientMemberRoleSchema });

/** The invitee chooses their name and password, as on the partner's own team invitation. */
export const acceptClientMemberInviteSchema = acceptInviteSchema;
