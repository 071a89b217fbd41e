import { z } from 'zod';
import { inviteClientMemberOperation, listClientMembersOperation, removeClientMemberOperation } from '@/lib/api/operations/client-members';
import { listFlowsOperation, toFlowResource } from '@/lib/api/operations/flows';
import { getWorkspaceOperation } from '@/lib/api/operations/plans';
import { installTemplateOperation, listTemplatesOperation, toInstallResource, toTemplateResource } from '@/lib/api/operations/provisioning';
import type { ApiCtx } from '@/lib/audit/context';
import { inviteClientMember, listClientMembers, removeClientMember } from '@/lib/client-members/manage-client-members';
import { AppError, invalid } from '@/lib/errors/app-error';
import { listFlows } from '@/lib/flows/manage-flows';
import { installTemplate } from '@/lib/provisioning/install';
import { listTemplates } from '@/lib/provisioning/templates';
import { getWorkspace } from '@/lib/workspaces/manage-workspaces';
import { available, optionalText, requiredText, type FieldDoc } from '../endpoint';
import { cut, pageDocs, pageFields, walk } from './paging';
import { workspaceIdField } from './workspaces';

/**
 * Members, flows and templates belong to a Switchboard client, not to one of its workspaces: each endpoint on
 * workspace/{workspaceId} finds the workspace (a foreign one is 404) and acts on the client that owns it.
 */

const group = 'Members, flows and templates' as const;
const workspaceIdDoc: FieldDoc = { in: 'path', type: 'string', required: true, to: 'workspace.client_id', difference: 'The workspace’s client: members, flows and templates are the client’s, shared by all its workspaces.' };
const clientOf = async (ctx: ApiCtx, workspaceId: string) => (await getWorkspace(ctx, workspaceId)).client_id;

/** UChat's five roles onto Switchboard's two: the owner (and admins) manage the client; the rest are members. */
const roles: Record<string, 'owner' | 'member'> = { owner: 'owner', admin: 'owner', member: 'member', 'live-chat supervisor': 'member', 'live-chat agent': 'member', livechat_supervisor: 'member', livechat_agent: 'member', supervisor: 'member', agent: 'member' };

const memberOf = (m: Awaited<ReturnType<typeof listClientMembers>>[number]) => ({ id: m.id, user_id: m.id, email: m.email, name: m.name, role: m.role, status: m.status, invite_expires_at: m.invite_expires_at, created_at: m.created_at });
const memberAnswer = [
  { name: 'id', from: 'client_member.id', note: 'What remove-member takes as member_id.' },
  { name: 'user_id', from: 'client_member.id', note: 'The same as id: UChat names a workspace’s user by it, and remove-member takes either.' },
  { name: 'email, name', from: 'client_member.email, name' },
  { name: 'role', from: 'client_member.role', note: 'owner or member.' },
  { name: 'status', from: 'client_member.status', note: 'invited until the invitee chooses a password.' },
  { name: 'invite_expires_at, created_at', from: 'client_member' },
];

export const listUChatMembers = available({
  group,
  method: 'GET',
  path: 'workspace/{workspaceId}/members',
  summary: 'Fetches members of a specific workspace',
  rest: [getWorkspaceOperation, listClientMembersOperation],
  scope: 'clients:read',
  fields: { workspaceId: workspaceIdDoc, ...pageDocs },
  answer: memberAnswer,
  differences: ['The client’s members (who sign in to its portal), the same for each of its workspaces.'],
  schema: z.object({ workspaceId: workspaceIdField, ...pageFields }),
  call: async (ctx, input) => cut(await listClientMembers(ctx, await clientOf(ctx, input.workspaceId)), input),
  data: ({ items }) => items.map(memberOf),
  meta: ({ meta }) => meta,
});

export const inviteUChatMember = available({
  group,
  method: 'POST',
  path: 'workspace/{workspaceId}/invite-member',
  summary: 'Send invite to a user to join a workspace',
  example: { email: 'agent@example.com', name: 'Asha Rao', role: 'member' },
  rest: [inviteClientMemberOperation],
  scope: 'clients:write',
  created: true,
  fields: {
    workspaceId: workspaceIdDoc,
    email: { in: 'body', type: 'string', required: true, to: 'email', difference: 'The invitation (valid 7 days) is e-mailed here in the partner’s brand.' },
    name: { in: 'body', type: 'string', required: false, to: 'name', difference: 'The part of the e-mail before @ when left out.' },
    role: { in: 'body', type: 'string', required: false, to: 'role', difference: 'UChat’s five roles onto two: owner and admin become owner; member, live-chat supervisor and live-chat agent become member (the default).' },
  },
  answer: memberAnswer,
  schema: z.object({
    workspaceId: workspaceIdField,
    email: z.string({ error: 'email is required.' }).trim().toLowerCase().pipe(z.email('email must be an e-mail address.')),
    name: optionalText('name', 100),
    role: z.preprocess((v) => (v === '' || v === null ? undefined : typeof v === 'string' ? v.trim().toLowerCase() : v), z.enum(Object.keys(roles) as [string, ...string[]], 'role must be owner, admin, member, live-chat supervisor or live-chat agent.').optional()),
  }),
  call: async (ctx, input) => (await inviteClientMember(ctx, await clientOf(ctx, input.workspaceId), { email: input.email, name: input.name ?? input.email.split('@')[0]!, role: roles[input.role ?? 'member'] })).member,
  data: memberOf,
});

export const removeUChatMember = available({
  group,
  method: 'POST',
  path: 'workspace/{workspaceId}/remove-member',
  summary: 'Remove a member from a workspace',
  example: { email: 'agent@example.com' },
  rest: [removeClientMemberOperation],
  scope: 'clients:write',
  fields: {
    workspaceId: workspaceIdDoc,
    member_id: { in: 'body', type: 'string', required: false, to: 'member_id', difference: 'The member’s id (see members); give it or email. `user_id` is read the same way.' },
    email: { in: 'body', type: 'string', required: false, to: 'client_member.email', difference: 'The member with this e-mail.' },
  },
  answer: [{ name: 'id', from: 'client_member.id' }, { name: 'deleted', from: 'true' }],
  differences: ['The client’s last owner cannot be removed (409 conflict).'],
  schema: z.object({ workspaceId: workspaceIdField, member_id: optionalText('member_id', 64), user_id: optionalText('user_id', 64), email: optionalText('email', 200) }),
  call: async (ctx, input) => {
    const clientId = await clientOf(ctx, input.workspaceId);
    let memberId = input.member_id ?? input.user_id;
    if (!memberId) {
      if (!input.email) throw invalid('email', 'Give the member’s email or member_id.');
      memberId = (await listClientMembers(ctx, clientId)).find((m) => m.email === input.email!.toLowerCase())?.id;
      if (!memberId) throw new AppError('not_found', 'No member of this workspace has this e-mail.', { email: 'No member of this workspace has this e-mail.' });
    }
    return removeClientMember(ctx, clientId, memberId);
  },
  data: (removed) => ({ id: removed.id, deleted: true }),
});

export const listUChatFlows = available({
  group,
  method: 'GET',
  path: 'workspace/{workspaceId}/list-flows',
  summary: 'Fetches specific Flows/bots within a workspace',
  rest: [getWorkspaceOperation, listFlowsOperation],
  scope: 'flows:read',
  fields: { workspaceId: workspaceIdDoc, ...pageDocs },
  answer: [
    { name: 'id, name', from: 'flow.id, name', note: 'flw_…: call flows here are UChat’s flows/bots.' },
    { name: 'welcome_recording_id, agent_extension, transfer_to, bot_id', from: 'flow', note: 'A call flow’s steps: what it plays, who it rings, where it transfers, the voice bot it hands to.' },
    { name: 'created_at, updated_at', from: 'flow' },
  ],
  differences: ['Flows here are call flows (voice), not chat flows; the client’s flows, the same for each of its workspaces.'],
  schema: z.object({ workspaceId: workspaceIdField, ...pageFields }),
  call: async (ctx, input) => {
    const clientId = await clientOf(ctx, input.workspaceId);
    return cut(await walk((after) => listFlows(ctx, { clientId, limit: 100, starting_after: after })), input);
  },
  data: ({ items }) => items.map((flow) => { const { object: _o, client_id: _c, ...rest } = toFlowResource(flow); return rest; }),
  meta: ({ meta }) => meta,
});

export const installUChatTemplate = available({
  group,
  method: 'POST',
  path: 'workspace/{workspaceId}/install-template',
  summary: 'Installs a template in a specific workspace',
  example: { template_ns: 'tpl_01kaz3d4mqf2v8n6w0c1e5rj7t' },
  rest: [installTemplateOperation],
  scope: 'templates:write',
  fields: {
    workspaceId: workspaceIdDoc,
    template_ns: { in: 'body', type: 'string', required: true, to: 'template_id', difference: 'A template id (tpl_…, see templates).' },
    version: { in: 'body', type: 'integer', required: false, to: 'version', difference: 'Not a UChat field: the latest published version when left out.' },
  },
  answer: [
    { name: 'id', from: 'template_install.id' },
    { name: 'template_ns, version', from: 'template_install.template_id, version' },
    { name: 'status, items, error', from: 'template_install', note: 'applied or failed, with what each item did.' },
  ],
  differences: ['Items the client already has keep the client’s own (as the dry run’s default choice); a repeated install of the same version answers the earlier one (replayed). Upgrades are explicit (/api/v1 …/upgrade), not automatic as UChat’s master templates.'],
  schema: z.object({ workspaceId: workspaceIdField, template_ns: requiredText('template_ns', 64), version: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.number({ error: 'version must be a whole number.' }).int('version must be a whole number.').min(1, 'version must be at least 1.').optional()) }),
  call: async (ctx, input) => installTemplate(ctx, await clientOf(ctx, input.workspaceId), { template_id: input.template_ns, version: input.version, choices: {}, secrets: {} }),
  data: (install) => { const { object: _o, template_id, ...rest } = toInstallResource(install); return { template_ns: template_id, ...rest }; },
});

export const listUChatTemplates = available({
  group,
  method: 'GET',
  path: 'templates',
  summary: 'Fetches all the templates the Partner has access to',
  rest: [listTemplatesOperation],
  scope: 'templates:read',
  fields: pageDocs,
  answer: [
    { name: 'template_ns', from: 'provisioning_template.id', note: 'What install-template and workspace/create take.' },
    { name: 'name, description, latest_version, published, source', from: 'provisioning_template', note: 'source: own, live (the live partner’s, seen from its sandbox) or platform (published by the operator).' },
  ],
  differences: ['The partner’s template store: its own templates and those the operator published. No one-time install links: install-template installs directly.'],
  schema: z.object(pageFields),
  call: async (ctx, input) => cut(await listTemplates(ctx), input),
  data: ({ items }) => items.map((t) => { const { object: _o, id, ...rest } = toTemplateResource(t); return { template_ns: id, ...rest }; }),
  meta: ({ meta }) => meta,
});

export const membersGroup = [listUChatMembers, inviteUChatMember, removeUChatMember, listUChatFlows, installUChatTemplate, listUChatTemplates];
