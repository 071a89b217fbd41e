import { z } from 'zod';
import { getDb } from '@/db';
import { getClientOperation, listClientsOperation, toClientResource } from '@/lib/api/operations/clients';
import { createOnboardingLinkOperation } from '@/lib/api/operations/onboarding-links';
import { cancelWorkspaceOperation, createWorkspaceOperation, getWorkspaceOperation, listWorkspacesOperation, setWorkspaceBillingInfoOperation } from '@/lib/api/operations/plans';
import { installTemplateOperation } from '@/lib/api/operations/provisioning';
import { hasScope, type Scope } from '@/lib/api-keys/scopes';
import type { ApiCtx } from '@/lib/audit/context';
import { addPendingClient } from '@/lib/clients/add-pending-client';
import { clientIdByEmail, listClients } from '@/lib/clients/manage-clients';
import { AppError, invalid } from '@/lib/errors/app-error';
import { createOnboardingLink } from '@/lib/onboarding/onboarding-links';
import { installTemplate } from '@/lib/provisioning/install';
import { getTemplate } from '@/lib/provisioning/templates';
import { withApiFieldNames } from '@/lib/workspaces/api-resources';
import { planOffer } from '@/lib/workspaces/offers';
import { cancelWorkspace, createWorkspace, getWorkspace, listWorkspaces, setBillingInfo } from '@/lib/workspaces/manage-workspaces';
import { available, optionalInteger, optionalText, requiredText } from '../endpoint';
import { cut, pageDocs, pageFields, walk } from './paging';
import { ownersOf, uchatWorkspace, withOwner, workspaceAnswer } from './workspace-shape';

/**
 * UChat's clients and workspaces. A UChat "user" (a workspace's owner) is a Switchboard client; a workspace is a
 * Switchboard workspace. Switchboard creates a client's sign-in only through onboarding with KYC (Indian rules
 * require it before numbers or charges), so workspace/create adds the client as pending and e-mails it the
 * onboarding link; the answer says so.
 */

const group = 'Clients and workspaces' as const;
const email = (name: string) => z.string({ error: `${name} is required.` }).trim().toLowerCase().pipe(z.email(`${name} must be an e-mail address.`));
export const workspaceIdField = z.string({ error: 'workspaceId is required.' }).trim().min(1, 'workspaceId is required.').max(64, 'workspaceId is not a workspace id.');
const workspaceIdDoc = { in: 'path' as const, type: 'string' as const, required: true, to: 'workspace_id', difference: 'A workspace id (wsp_…); another partner’s is 404 not_found.' };

export const listUChatClients = available({
  group,
  method: 'GET',
  path: 'clients',
  summary: 'Fetches all the clients under the Partner domain',
  rest: [listClientsOperation],
  scope: 'clients:read',
  fields: { ...pageDocs, status: { in: 'query', type: 'string', required: false, to: 'status', difference: 'active, inactive or pending (not yet through KYC).' } },
  answer: [
    { name: 'id', from: 'client.id', note: 'cli_…; the owner_id of its workspaces.' },
    { name: 'name, email, status', from: 'client.name, email, status' },
    { name: 'created_at, updated_at', from: 'client.created_at, updated_at' },
  ],
  differences: ['Newest first.'],
  schema: z.object({ ...pageFields, status: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['active', 'inactive', 'pending'], 'status must be active, inactive or pending.').optional()) }),
  call: async (ctx, input) => cut(await walk((after) => listClients(ctx, { status: input.status, limit: 100, starting_after: after })), input),
  data: ({ items }) => items.map((row) => { const { object: _object, ...client } = toClientResource(row); return client; }),
  meta: ({ meta }) => meta,
});

export const listUChatWorkspaces = available({
  group,
  method: 'GET',
  path: 'workspaces',
  summary: 'Fetches all the workspaces under the Partner domain',
  rest: [listWorkspacesOperation],
  scope: 'plans:read',
  fields: {
    ...pageDocs,
    owner_id: { in: 'query', type: 'string', required: false, to: 'client_id', difference: 'Not a UChat filter: one client’s workspaces.' },
    status: { in: 'query', type: 'string', required: false, to: 'status', difference: 'active, paused or cancelled.' },
  },
  answer: workspaceAnswer,
  differences: ['Newest first. Cancelled (deleted) workspaces stay listed with status cancelled.'],
  schema: z.object({ ...pageFields, owner_id: optionalText('owner_id', 64), status: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['active', 'paused', 'cancelled'], 'status must be active, paused or cancelled.').optional()) }),
  call: async (ctx, input) => {
    const { items, meta } = cut(await walk((after) => listWorkspaces(ctx, { clientId: input.owner_id, status: input.status, limit: 100, starting_after: after })), input);
    return { items, meta, owners: await ownersOf(ctx, items) };
  },
  data: ({ items, owners }) => items.map((view) => uchatWorkspace(view, owners.get(view.client_id) ?? null)),
  meta: ({ meta }) => meta,
});

const createFields = {
  team_name: optionalText('team_name', 120),
  plan: optionalText('plan', 64),
  billing_period: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.enum(['monthly', 'yearly'], 'billing_period must be monthly or yearly.').optional()),
  template_ns: optionalText('template_ns', 64),
  template: optionalText('template', 64),
  trial_days: optionalInteger('trial_days', 0, 365),
};

/**
 * What a create call needs besides plans:write, and whether its plan and template exist, all checked before
 * anything is written: a refusal then leaves no pending client behind, and the same call can simply be retried.
 */
async function checkCreate(ctx: ApiCtx, input: { plan?: string; template_ns?: string; template?: string }, scopes: Scope[]) {
  const template = input.template_ns ?? input.template;
  for (const scope of [...scopes, ...(template ? (['templates:write'] as const) : [])]) {
    if (!hasScope(ctx.scopes, scope)) throw new AppError('insufficient_scope', `This API key lacks the ${scope} scope that this call needs.`);
  }
  if (input.plan) await withApiFieldNames(() => planOffer(getDb(), ctx.partnerId, input.plan!));
  if (template) await getTemplate(ctx, template);
}

/** Installs the template a create call names, once the workspace exists. */
async function installNamed(ctx: ApiCtx, clientId: string, template: string | undefined) {
  if (!template) return null;
  const install = await installTemplate(ctx, clientId, { template_id: template, version: undefined, choices: {}, secrets: {} });
  return { install_id: install.id, template_ns: template, status: install.status };
}

async function openWorkspace(ctx: ApiCtx, clientId: string, input: { team_name?: string; plan?: string; billing_period?: 'monthly' | 'yearly' }, fallbackName: string) {
  return withApiFieldNames(() => createWorkspace(ctx, { clientId, name: input.team_name ?? fallbackName, planId: input.plan, billingPeriod: input.billing_period ?? 'monthly' }));
}

export const createUChatWorkspace = available({
  group,
  method: 'POST',
  path: 'workspace/create',
  summary: 'Creates a new workspace under the Partner domain (also creates a new client)',
  example: { name: 'Jane Doe', email: 'jane@example.com', password: 'S3cure-pass!', team_name: 'Jane’s Agency', require_email_verification: 'yes', template_ns: '', trial_days: 14 },
  rest: [createOnboardingLinkOperation, createWorkspaceOperation, installTemplateOperation],
  scope: 'plans:write',
  created: true,
  fields: {
    name: { in: 'body', type: 'string', required: true, to: 'client.name', difference: 'The client’s name until it confirms (or corrects) it in onboarding.' },
    email: { in: 'body', type: 'string', required: true, to: 'client.email', difference: 'The onboarding link is e-mailed here in the partner’s brand; a second client with the same e-mail is refused (409 conflict): use create-for-existing-user.' },
    password: { in: 'body', type: 'string', required: false, to: '(not kept)', difference: 'Not stored: the owner chooses its password in onboarding, where it also does KYC. Checked only for length (8 to 128).' },
    team_name: { in: 'body', type: 'string', required: false, to: 'workspace.name', difference: 'The owner’s name when left out.' },
    require_email_verification: { in: 'body', type: 'string', required: false, to: '(always)', difference: 'Onboarding always verifies the e-mail (and mobile) with a one-time code in onboarding; "no" is not honoured.' },
    template_ns: { in: 'body', type: 'string', required: false, to: 'install.template_id', difference: 'A template id (tpl_…, see templates); installed into the client once the workspace exists. `template` is read the same way.' },
    trial_days: { in: 'body', type: 'integer', required: false, to: '(none)', difference: 'There are no trials: without `plan` the workspace starts on the free plan (what a UChat trial falls to), with `plan` it is charged from today. 0 to 365 is accepted and answered back.' },
    plan: { in: 'body', type: 'string', required: false, to: 'workspace.plan', difference: 'Not in UChat’s create body: a plan code the partner offers; the free plan when left out.' },
    billing_period: { in: 'body', type: 'string', required: false, to: 'workspace.billing_period', difference: 'monthly (default) or yearly.' },
  },
  answer: [
    { name: 'workspace', from: 'workspace', note: 'As GET workspace/{workspaceId} answers it; owner_status is pending.' },
    { name: 'user', from: 'client', note: 'The new client: id (cli_…), name, email, status pending.' },
    { name: 'kyc_required, kyc', from: 'true, onboarding_link', note: 'The client still has to complete onboarding and KYC through kyc.onboarding_url (also e-mailed) before numbers, wallet charges or signing in.' },
    { name: 'template', from: 'install', note: 'The install of template_ns, or null.' },
    { name: 'trial_days', from: 'trial_days', note: 'What was sent; no trial is applied.' },
  ],
  differences: ['Answers 201. The client is created pending and becomes active when it finishes KYC (under the same e-mail); until then its workspace exists but nothing that KYC guards can be used.', 'Needs onboarding:write as well as plans:write (and templates:write with a template); the scopes, the plan and the template are checked before anything is created.'],
  schema: z.object({
    name: requiredText('name', 100),
    email: email('email'),
    password: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string({ error: 'password must be text.' }).min(8, 'password must be at least 8 characters.').max(128, 'password must be at most 128 characters.').optional()),
    require_email_verification: optionalText('require_email_verification', 10),
    ...createFields,
  }),
  call: async (ctx, input) => {
    await checkCreate(ctx, input, ['onboarding:write']);
    const client = await addPendingClient(ctx, { name: input.name, email: input.email });
    const workspace = await openWorkspace(ctx, client.id, input, input.name);
    const link = await createOnboardingLink(ctx, { prefill: { name: input.name, email: input.email }, note: `Workspace ${workspace.id} (${workspace.name})` }, { sendEmail: true });
    const template = await installNamed(ctx, client.id, input.template_ns ?? input.template);
    return { client, workspace, link, template, trialDays: input.trial_days ?? null };
  },
  data: ({ client, workspace, link, template, trialDays }) => ({
    workspace: uchatWorkspace(workspace, client),
    user: { id: client.id, name: client.name, email: client.email, status: client.status },
    kyc_required: true,
    kyc: { message: 'The client must complete onboarding and KYC before numbers, wallet charges or signing in; the link was e-mailed to it.', onboarding_url: link.url, expires_at: link.expires_at },
    template,
    trial_days: trialDays,
  }),
});

export const createUChatWorkspaceForExistingUser = available({
  group,
  method: 'POST',
  path: 'workspace/create-for-existing-user',
  summary: 'Creates a new workspace for an already existing user',
  example: { email: 'jane@example.com', team_name: 'Second workspace', template_ns: '', trial_days: 14 },
  rest: [getClientOperation, createWorkspaceOperation],
  scope: 'plans:write',
  created: true,
  fields: {
    user_id: { in: 'body', type: 'string', required: false, to: 'client_id', difference: 'The client id (cli_…); give it or email.' },
    email: { in: 'body', type: 'string', required: false, to: 'client.email', difference: 'The client with this e-mail; unknown is 404 not_found.' },
    team_name: { in: 'body', type: 'string', required: false, to: 'workspace.name', difference: 'The client’s name when left out.' },
    plan: { in: 'body', type: 'string', required: false, to: 'workspace.plan', difference: 'A plan code the partner offers; the free plan when left out.' },
    billing_period: { in: 'body', type: 'string', required: false, to: 'workspace.billing_period' },
    template_ns: { in: 'body', type: 'string', required: false, to: 'install.template_id', difference: 'Installed into the client after the workspace is created.' },
    trial_days: { in: 'body', type: 'integer', required: false, to: '(none)', difference: 'No trials; see workspace/create.' },
  },
  answer: workspaceAnswer,
  schema: z.object({ user_id: optionalText('user_id', 64), email: z.preprocess((v) => (v === '' || v === null ? undefined : v), email('email').optional()), ...createFields }),
  call: async (ctx, input) => {
    if (!input.user_id && !input.email) throw invalid('email', 'Give the existing user’s email or user_id.');
    await checkCreate(ctx, input, []);
    const clientId = input.user_id ?? (await clientIdByEmail(ctx, input.email!));
    if (!clientId) throw new AppError('not_found', 'No client of yours has this e-mail.', { email: 'No client of yours has this e-mail.' });
    const workspace = await openWorkspace(ctx, clientId, input, 'Workspace');
    await installNamed(ctx, clientId, input.template_ns ?? input.template);
    return withOwner(ctx, workspace);
  },
  data: (workspace) => workspace,
});

const byId = z.object({ workspaceId: workspaceIdField });

export const getUChatWorkspace = available({
  group,
  method: 'GET',
  path: 'workspace/{workspaceId}',
  summary: 'Fetches information regarding a specific workspace',
  rest: [getWorkspaceOperation],
  scope: 'plans:read',
  fields: { workspaceId: workspaceIdDoc },
  answer: workspaceAnswer,
  schema: byId,
  call: async (ctx, input) => withOwner(ctx, await getWorkspace(ctx, input.workspaceId)),
  data: (workspace) => workspace,
});

export const deleteUChatWorkspace = available({
  group,
  method: 'DELETE',
  path: 'workspace/{workspaceId}',
  summary: 'Deletes the workspace',
  rest: [cancelWorkspaceOperation],
  scope: 'plans:write',
  fields: { workspaceId: workspaceIdDoc, reason: { in: 'body', type: 'string', required: false, to: 'reason', difference: 'Not a UChat field: kept in the audit log.' } },
  answer: workspaceAnswer,
  differences: ['Cancels rather than erases: the workspace stops at once, is never renewed, its unused points go back to the partner’s pool, and it stays readable (status cancelled) for invoices and audit. A second DELETE is 409 conflict.'],
  schema: z.object({ workspaceId: workspaceIdField, reason: optionalText('reason', 500) }),
  call: async (ctx, input) => withOwner(ctx, await cancelWorkspace(ctx, input.workspaceId, { reason: input.reason ?? 'Deleted through the UChat partner API.' })),
  data: (workspace) => workspace,
});

export const updateUChatBillingInformation = available({
  group,
  method: 'POST',
  path: 'workspace/{workspaceId}/update-extra-billing-information',
  summary: 'Adds or updates extra billing information to the specific workspace',
  example: { company_name: 'Jane’s Agency Pvt Ltd', tax_id: '29AABCK5678L1ZU', address: '12 MG Road', address_2: 'Floor 3', city: 'Bengaluru', state: 'Karnataka', zip: '560001', email: 'accounts@example.com' },
  rest: [setWorkspaceBillingInfoOperation],
  scope: 'plans:write',
  fields: {
    workspaceId: workspaceIdDoc,
    company_name: { in: 'body', type: 'string', required: true, to: 'billing_info.legal_name', difference: 'The legal name invoices are addressed to (`name` is read the same way).' },
    tax_id: { in: 'body', type: 'string', required: false, to: 'billing_info.gstin', difference: 'Only an Indian GSTIN, checked (state code, PAN shape, check character); VAT or other tax numbers are refused.' },
    address: { in: 'body', type: 'string', required: true, to: 'billing_info.address_line1' },
    address_2: { in: 'body', type: 'string', required: false, to: 'billing_info.address_line2' },
    city: { in: 'body', type: 'string', required: true, to: 'billing_info.city' },
    state: { in: 'body', type: 'string', required: true, to: 'billing_info.state', difference: 'Required (it decides IGST against CGST+SGST).' },
    zip: { in: 'body', type: 'string', required: true, to: 'billing_info.pincode', difference: 'A six-digit Indian PIN code only.' },
    country: { in: 'body', type: 'string', required: false, to: '(India only)', difference: 'Billing is in India only: anything but IN / India is refused.' },
    email: { in: 'body', type: 'string', required: false, to: 'billing_info.email', difference: 'Where invoices for this workspace are sent.' },
    phone: { in: 'body', type: 'string', required: false, to: '(not kept)', difference: 'Not kept: the billing details hold no phone.' },
  },
  answer: workspaceAnswer.concat([{ name: 'billing_info', from: 'workspace.billing_info', note: 'legal_name, gstin, address_line1, address_line2, city, state, pincode, email.' }]),
  differences: ['UChat keeps free-form extra billing text; this API keeps structured Indian billing details (used on the workspace’s GST invoices), replaced whole on every call.'],
  schema: z.object({
    workspaceId: workspaceIdField,
    company_name: optionalText('company_name', 200),
    name: optionalText('name', 200),
    tax_id: optionalText('tax_id', 20),
    address: optionalText('address', 200),
    address_2: optionalText('address_2', 200),
    city: optionalText('city', 100),
    state: optionalText('state', 100),
    zip: optionalText('zip', 10),
    country: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string({ error: 'country must be text.' }).trim().refine((c) => ['in', 'ind', 'india'].includes(c.toLowerCase()), 'Only Indian billing addresses are supported (country IN).').optional()),
    email: optionalText('email', 200),
    phone: optionalText('phone', 20),
  }),
  call: async (ctx, input) => {
    await withApiFieldNames(() => setBillingInfo(ctx, input.workspaceId, { legalName: input.company_name ?? input.name ?? '', gstin: input.tax_id ?? null, addressLine1: input.address ?? '', addressLine2: input.address_2 ?? null, city: input.city ?? '', state: input.state ?? '', pincode: input.zip ?? '', email: input.email ?? null }));
    const view = await getWorkspace(ctx, input.workspaceId);
    return { ...(await withOwner(ctx, view)), billing_info: view.billing_info };
  },
  data: (workspace) => workspace,
});

export const workspacesGroup = [listUChatClients, listUChatWorkspaces, createUChatWorkspace, createUChatWorkspaceForExistingUser, getUChatWorkspace, deleteUChatWorkspace, updateUChatBillingInformation];
