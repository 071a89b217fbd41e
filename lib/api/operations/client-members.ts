import { z } from 'zod';
import { changeClientMemberRoleSchema, inviteClientMemberSchema } from '@/lib/client-members/schemas';
import { defineOperation } from '../operation';
import { idOf, timestamp } from '../schemas';
import { clientIdParams } from './clients';

export const clientMemberResource = z
  .object({
    object: z.literal('client_member'),
    id: idOf('mbr', 'The member’s id.'),
    client_id: idOf('cli', 'The client’s id.'),
    email: z.string(),
    name: z.string(),
    role: z.enum(['owner', 'member']).meta({ description: 'Owners manage the account’s members in the portal; an account always keeps one owner who can sign in.' }),
    status: z.enum(['active', 'invited']).meta({ description: '`invited` until the invitee opens the link and chooses a password.' }),
    invite_expires_at: timestamp.nullable(),
    created_at: timestamp,
  })
  .meta({ id: 'ClientMember' });

const example = { object: 'client_member', id: 'mbr_01kaz3d4mqf2v8n6w0c1e5rj7t', client_id: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t', email: 'ravi@sharma-traders.example', name: 'Ravi Kumar', role: 'member', status: 'invited', invite_expires_at: '2026-11-29T10:00:00.000Z', created_at: '2026-11-22T10:00:00.000Z' };
const memberParams = clientIdParams.extend({ member_id: idOf('mbr', 'The member’s id.') });

export const listClientMembersOperation = defineOperation({
  method: 'GET',
  path: '/clients/{client_id}/members',
  operationId: 'listClientMembers',
  summary: 'List a client’s members',
  description: 'The people who sign in to the client’s portal on your host, and open invitations, oldest first.',
  tag: 'Client members',
  scope: 'clients:read',
  params: clientIdParams,
  response: { status: 200, description: 'Every member of the client.', schema: z.object({ object: z.literal('list'), data: z.array(clientMemberResource), has_more: z.literal(false) }), example: { object: 'list', data: [example], has_more: false } },
  errors: ['not_found'],
});

export const inviteClientMemberOperation = defineOperation({
  method: 'POST',
  path: '/clients/{client_id}/members',
  operationId: 'inviteClientMember',
  summary: 'Invite a member to a client',
  description: 'E-mails an invitation in your brand (the `client_member_invitation` template) with a link, valid for 7 days and usable once, where the invitee chooses a password. Emits `client_member.invited`. An e-mail that already has an account on your hosts is refused (409).',
  tag: 'Client members',
  scope: 'clients:write',
  params: clientIdParams,
  body: z.strictObject(inviteClientMemberSchema.shape),
  bodyExample: { email: 'ravi@sharma-traders.example', name: 'Ravi Kumar', role: 'member' },
  response: { status: 201, description: 'The invited member.', schema: clientMemberResource, example },
  errors: ['not_found', 'conflict'],
});

export const changeClientMemberRoleOperation = defineOperation({
  method: 'PATCH',
  path: '/clients/{client_id}/members/{member_id}',
  operationId: 'changeClientMemberRole',
  summary: 'Change a client member’s role',
  description: 'Makes a member an owner or an owner a member; the member’s open sessions end. Demoting the last owner who can sign in is refused (409). Emits `client_member.role_changed`.',
  tag: 'Client members',
  scope: 'clients:write',
  params: memberParams,
  body: z.strictObject(changeClientMemberRoleSchema.shape),
  bodyExample: { role: 'owner' },
  response: { status: 200, description: 'The member.', schema: clientMemberResource, example: { ...example, role: 'owner', status: 'active', invite_expires_at: null } },
  errors: ['not_found', 'conflict'],
});

export const removeClientMemberOperation = defineOperation({
  method: 'DELETE',
  path: '/clients/{client_id}/members/{member_id}',
  operationId: 'removeClientMember',
  summary: 'Remove a client member',
  description: 'Removes the member (or withdraws an invitation); their open sessions end at once. Removing the last owner who can sign in is refused (409). Emits `client_member.removed`.',
  tag: 'Client members',
  scope: 'clients:write',
  params: memberParams,
  response: {
    status: 200,
    description: 'The member is gone.',
    schema: z.object({ object: z.literal('client_member'), id: idOf('mbr', 'The removed member’s id.'), deleted: z.literal(true) }).meta({ id: 'DeletedClientMember' }),
    example: { object: 'client_member', id: example.id, deleted: true },
  },
  errors: ['not_found', 'conflict'],
});
