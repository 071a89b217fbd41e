import { z } from 'zod';
import { getDb } from '@/db';
import { getClientOperation, listClientsOperation, updateClientStatusOperation } from '@/lib/api/operations/clients';
import { createOnboardingLinkOperation } from '@/lib/api/operations/onboarding-links';
import { changeWorkspacePlanOperation, createWorkspaceOperation } from '@/lib/api/operations/plans';
import { getClientUsageOperation, toClientUsageResource } from '@/lib/api/operations/usage';
import { toWalletResource } from '@/lib/api/operations/billing-resources';
import { hasScope } from '@/lib/api-keys/scopes';
import type { ApiCtx } from '@/lib/audit/context';
import { addPendingClient } from '@/lib/clients/add-pending-client';
import { getClient, listClients, setClientStatus } from '@/lib/clients/manage-clients';
import { AppError, conflict, invalid } from '@/lib/errors/app-error';
import { clientWallet } from '@/lib/ledger/statements';
import { createOnboardingLink } from '@/lib/onboarding/onboarding-links';
import { clientUsage } from '@/lib/usage/client-usage';
import { withApiFieldNames } from '@/lib/workspaces/api-resources';
import { changePlan } from '@/lib/workspaces/change-plan';
import { createWorkspace, listWorkspaces } from '@/lib/workspaces/manage-workspaces';
import { planOffer } from '@/lib/workspaces/offers';
import type { WorkspaceView } from '@/lib/workspaces/workspace-view';
import { available, optionalInteger, optionalText, requiredText, type AnswerDoc } from '../endpoint';

/**
 * Flowmatix's "Customer Management": a customer is a Switchboard client, and its plan is the plan of the client's
 * open workspace. Creating a customer adds a pending client (and its workspace on the plan asked for) and e-mails
 * it an onboarding link: Indian rules require KYC before a number, a charge or a sign-in, so it is active once it
 * has finished onboarding under the same e-mail.
 */

const group = 'Customer Management' as const;

/** Flowmatix's billing cycles, by Switchboard's billing period. */
const cycles: Record<string, 'monthly' | 'yearly'> = { monthly: 'monthly', yearly: 'yearly', annual: 'yearly', annually: 'yearly' };
const billingCycle = z.preprocess(
  (v) => (v === null || v === '' ? undefined : typeof v === 'string' ? v.trim().toLowerCase() : v),
  z.enum(Object.keys(cycles) as [string, ...string[]], 'billing_cycle must be monthly or yearly (annual).').optional(),
);

/** Workspaces are walked for the plan of each customer; past this many, page them over /api/v1/workspaces. */
export const walkCap = 5000;

async function walk<T extends { id: string }>(page: (after: string | undefined) => Promise<{ data: T[]; has_more: boolean }>, cap = walkCap): Promise<T[]> {
  const items: T[] = [];
  let after: string | undefined;
  for (;;) {
    const next = await page(after);
    items.push(...next.data);
    if (!next.has_more || !next.data.length || items.length >= cap) return items.slice(0, cap);
    after = next.data.at(-1)!.id;
  }
}

/** The customer's open workspace (the newest one not cancelled), which carries its plan. */
const openWorkspace = (workspaces: WorkspaceView[]) => workspaces.find((w) => w.status !== 'cancelled') ?? null;

async function workspacesOfClient(ctx: ApiCtx, clientId: string) {
  return walk((after) => listWorkspaces(ctx, { clientId, limit: 100, starting_after: after }), 200);
}

type ClientRow = Awaited<ReturnType<typeof getClient>>;

function customerOf(client: ClientRow, workspace: WorkspaceView | null) {
  return {
    customer_id: client.id,
    company_name: client.name,
    contact_email: client.email,
    status: client.status,
    plan: workspace?.plan.code ?? null,
    billing_cycle: workspace?.billing_period ?? null,
    workspace_id: workspace?.id ?? null,
    created_at: client.createdAt.toISOString(),
    updated_at: client.updatedAt.toISOString(),
  };
}

const customerAnswer: AnswerDoc[] = [
  { name: 'customer_id', from: 'client.id', note: 'The client id (cli_…), which every other endpoint takes as customer_id.' },
  { name: 'company_name', from: 'client.name', note: 'The name the client onboarded (and did KYC) under.' },
  { name: 'contact_email', from: 'client.email' },
  { name: 'status', from: 'client.status', note: 'active, inactive or pending (onboarding).' },
  { name: 'plan', from: 'workspace.plan.code', note: 'The plan code of the client’s open workspace; null when it has none.' },
  { name: 'billing_cycle', from: 'workspace.billing_period', note: 'monthly or yearly; null without a workspace.' },
  { name: 'workspace_id', from: 'workspace.id', note: 'Not a Flowmatix field: the workspace the plan is on.' },
  { name: 'created_at', from: 'client.created_at' },
  { name: 'updated_at', from: 'client.updated_at' },
];

export const createCustomer = available({
  group,
  method: 'POST',
  path: 'customers',
  summary: 'Create Customer Account',
  example: { company_name: 'Acme Corporation', contact_email: 'admin@acme.com', contact_name: 'John Smith', phone: '+1234567890', plan: 'professional', billing_cycle: 'monthly' },
  rest: [createOnboardingLinkOperation, createWorkspaceOperation],
  scope: 'onboarding:write',
  created: true,
  fields: {
    company_name: { in: 'body', type: 'string', required: true, to: 'client.name', difference: 'The client’s name until it confirms (or corrects) it in onboarding.' },
    contact_email: { in: 'body', type: 'string', required: true, to: 'client.email', difference: 'The onboarding link is e-mailed here, in the partner’s brand; a second customer with the same e-mail is refused (409 conflict).' },
    contact_name: { in: 'body', type: 'string', required: false, to: 'onboarding_link.note', difference: 'Kept in the link’s note (clients keep no separate contact name).' },
    phone: { in: 'body', type: 'string', required: false, to: 'prefill.mobile', difference: 'Prefills the mobile number, which is verified by a one-time code during onboarding.' },
    plan: { in: 'body', type: 'string', required: false, to: 'workspace.plan', difference: 'A plan code the partner offers: the customer’s workspace is created on it at once. Needs plans:write too.' },
    billing_cycle: { in: 'body', type: 'string', required: false, to: 'workspace.billing_period', difference: 'monthly or yearly (annual is read as yearly).' },
  },
  answer: [
    { name: 'customer_id', from: 'client.id', note: 'The client (cli_…), pending until it finishes onboarding and KYC.' },
    { name: 'status', from: 'client.status', note: '"pending" until KYC is accepted, then "active".' },
    { name: 'plan, workspace_id', from: 'workspace.plan.code, workspace.id', note: 'null when no plan was asked for.' },
    { name: 'onboarding_id', from: 'onboarding_link.id', note: 'Not a Flowmatix field: the onboarding link (lnk_…).' },
    { name: 'onboarding_url', from: 'onboarding_link.url', note: 'Not a Flowmatix field: shown once; also e-mailed to contact_email.' },
    { name: 'expires_at', from: 'onboarding_link.expires_at' },
  ],
  differences: [
    'The customer exists at once, as a pending client (with its workspace when a plan is given), and becomes active when it finishes onboarding and KYC through the e-mailed link, under the same e-mail: Indian rules require KYC before numbers, charges or signing in.',
    'The client.created event (customer.created for Flowmatix-format webhooks) is sent when KYC is accepted, since a client is announced once it may be used.',
  ],
  schema: z.object({
    company_name: requiredText('company_name', 100),
    contact_email: z.string({ error: 'contact_email is required.' }).trim().toLowerCase().pipe(z.email('contact_email must be an e-mail address.')),
    contact_name: optionalText('contact_name', 100),
    phone: optionalText('phone', 20),
    plan: optionalText('plan', 64),
    billing_cycle: billingCycle,
  }),
  call: async (ctx, input) => {
    if (input.plan && !hasScope(ctx.scopes, 'plans:write')) throw new AppError('insufficient_scope', 'This API key lacks the plans:write scope that putting a customer on a plan needs.');
    // A plan the partner does not offer is refused before anything is created.
    if (input.plan) await withApiFieldNames(() => planOffer(getDb(), ctx.partnerId, input.plan!));
    const client = await addPendingClient(ctx, { name: input.company_name, email: input.contact_email }).catch((error: unknown) => {
      throw error instanceof AppError && error.code === 'conflict' ? conflict(error.message, 'contact_email') : error;
    });
    const workspace = input.plan
      ? await withApiFieldNames(() => createWorkspace(ctx, { clientId: client.id, name: input.company_name, planId: input.plan!, billingPeriod: cycles[input.billing_cycle ?? 'monthly'] }))
      : null;
    const link = await createOnboardingLink(ctx, { prefill: { name: input.company_name, email: input.contact_email, mobile: input.phone }, note: input.contact_name ? `Contact: ${input.contact_name}`.slice(0, 200) : undefined }, { sendEmail: true });
    return { client, workspace, link };
  },
  data: ({ client, workspace, link }) => ({
    customer_id: client.id,
    company_name: client.name,
    contact_email: client.email,
    status: client.status,
    plan: workspace?.plan.code ?? null,
    workspace_id: workspace?.id ?? null,
    onboarding_id: link.id,
    onboarding_url: link.url,
    expires_at: link.expires_at.toISOString(),
  }),
});

const listStatus = z.preprocess((v) => (v === null || v === '' ? undefined : v), z.enum(['active', 'inactive', 'pending'], 'status must be active, inactive or pending.').optional());

export const listCustomers = available({
  group,
  method: 'GET',
  path: 'customers',
  summary: 'List Partner Customers',
  rest: [listClientsOperation],
  scope: 'clients:read',
  fields: {
    limit: { in: 'query', type: 'integer', required: false, to: 'limit', difference: '1 to 100, 20 when left out.' },
    offset: { in: 'query', type: 'integer', required: false, to: '(walked)', difference: `0 to ${walkCap}; REST pages by cursor (starting_after) instead, past that.` },
    status: { in: 'query', type: 'string', required: false, to: 'status', difference: 'active, inactive or pending.' },
    plan: { in: 'query', type: 'string', required: false, to: 'workspace.plan.code', difference: 'A plan code: customers whose open workspace is on it.' },
  },
  answer: customerAnswer,
  differences: ['Newest first. `meta` holds limit, offset and has_more (no total: counting every client would cost each list). A request looks among the newest 5,000 customers and workspaces: page further over /api/v1/clients by cursor.'],
  schema: z.object({ limit: optionalInteger('limit', 1, 100), offset: optionalInteger('offset', 0, walkCap), status: listStatus, plan: optionalText('plan', 64) }),
  call: async (ctx, input) => {
    const limit = input.limit ?? 20;
    const offset = input.offset ?? 0;
    const workspaces = await walk((after) => listWorkspaces(ctx, { limit: 100, starting_after: after }));
    const byClient = new Map<string, WorkspaceView>();
    for (const w of workspaces) if (w.status !== 'cancelled' && !byClient.has(w.client_id)) byClient.set(w.client_id, w);
    const picked: ClientRow[] = [];
    let after: string | undefined;
    let more = true;
    // Bounded like the workspaces: a rare plan filter looks among the newest customers, not through all of them.
    for (let scanned = 0; more && picked.length <= offset + limit && scanned < walkCap; ) {
      const page = await listClients(ctx, { status: input.status, limit: 100, starting_after: after });
      for (const client of page.data) if (!input.plan || byClient.get(client.id)?.plan.code === input.plan) picked.push(client);
      scanned += page.data.length;
      more = page.has_more && page.data.length > 0;
      after = page.data.at(-1)?.id;
    }
    return { rows: picked.slice(offset, offset + limit), hasMore: picked.length > offset + limit, byClient, limit, offset };
  },
  data: ({ rows, byClient }) => rows.map((client) => customerOf(client, byClient.get(client.id) ?? null)),
  meta: ({ hasMore, limit, offset }) => ({ limit, offset, has_more: hasMore }),
});

const customerId = z.string({ error: 'customer_id is required.' }).trim().min(1, 'customer_id is required.').max(64, 'customer_id is not a customer id.');

export const getCustomer = available({
  group,
  method: 'GET',
  path: 'customers/{customer_id}',
  summary: 'Get Customer Details',
  rest: [getClientOperation, getClientUsageOperation],
  scope: 'clients:read',
  fields: { customer_id: { in: 'path', type: 'string', required: true, to: 'client_id', difference: 'The client id (cli_…); another partner’s answers 404.' } },
  answer: [
    ...customerAnswer,
    { name: 'usage', from: 'GET /clients/{client_id}/usage', note: 'This IST month: totals by kind and messages by channel.' },
    { name: 'billing', from: 'GET /clients/{client_id}/wallet', note: 'The wallet in paise (balance, held, available), validity, days and points.' },
  ],
  differences: ['Usage is the current IST month; ask customers/{customer_id}/usage for another period. Money is in paise (integers).'],
  schema: z.object({ customer_id: customerId }),
  call: async (ctx, { customer_id }) => {
    const client = await getClient(ctx, customer_id);
    const [workspaces, usage, wallet] = await Promise.all([
      workspacesOfClient(ctx, client.id),
      hasScope(ctx.scopes, 'metrics:read') ? clientUsage(ctx, client.id, {}) : null,
      hasScope(ctx.scopes, 'billing:read') ? clientWallet(ctx, client.id) : null,
    ]);
    return { client, workspace: openWorkspace(workspaces), usage, wallet };
  },
  data: ({ client, workspace, usage, wallet }) => {
    const u = usage ? toClientUsageResource(usage) : null;
    return { ...customerOf(client, workspace), usage: u ? { period: u.period, totals: u.totals, messages_by_channel: u.messages_by_channel } : null, billing: wallet ? toWalletResource(wallet) : null };
  },
});

/** Flowmatix sends no reason; Switchboard keeps one with every status change. */
export const defaultStatusReason = 'Changed through the Flowmatix compatibility API, which sends no reason';

/** A PUT may send the whole customer back: the name and e-mail are accepted unchanged, refused when changed. */
function checkUnchanged(client: ClientRow, input: { company_name?: string; contact_email?: string }) {
  if (input.company_name !== undefined && input.company_name !== client.name) throw invalid('company_name', 'company_name cannot be changed: it is the name the client confirmed at onboarding and KYC.');
  if (input.contact_email !== undefined && input.contact_email.toLowerCase() !== client.email.toLowerCase()) throw invalid('contact_email', 'contact_email cannot be changed: it was verified at onboarding.');
}

export const updateCustomer = available({
  group,
  method: 'PUT',
  path: 'customers/{customer_id}',
  summary: 'Update Customer Account',
  rest: [updateClientStatusOperation, createWorkspaceOperation, changeWorkspacePlanOperation],
  scope: 'clients:write',
  fields: {
    customer_id: { in: 'path', type: 'string', required: true, to: 'client_id' },
    status: { in: 'body', type: 'string', required: false, to: 'status', difference: 'active or inactive (PUT /clients/{client_id}/status).' },
    plan: { in: 'body', type: 'string', required: false, to: 'plan', difference: 'A plan code: changes the open workspace’s plan (an upgrade at once, prorated; a downgrade at the period’s end), or creates a workspace on it when the client has none. Needs plans:write too.' },
    billing_cycle: { in: 'body', type: 'string', required: false, to: 'billing_period', difference: 'Only when a workspace is created; an existing workspace keeps its period.' },
    reason: { in: 'body', type: 'string', required: false, to: 'reason', difference: `Not a Flowmatix field: kept with a status change (default “${defaultStatusReason}”).` },
    company_name: { in: 'body', type: 'string', required: false, to: '—', difference: 'Accepted unchanged (a PUT may send the whole customer back); a different name is refused (400): it is what the client confirmed at KYC.' },
    contact_email: { in: 'body', type: 'string', required: false, to: '—', difference: 'Accepted unchanged; a different address is refused (400): it was verified at onboarding.' },
  },
  answer: customerAnswer,
  differences: ['Send at least one of status, plan. Billing information (GSTIN, address) is per workspace: PUT /api/v1/workspaces/{id}/billing_info.'],
  schema: z
    .object({
      customer_id: customerId,
      status: z.preprocess((v) => (v === null || v === '' ? undefined : v), z.enum(['active', 'inactive'], 'status must be active or inactive.').optional()),
      plan: optionalText('plan', 64),
      billing_cycle: billingCycle,
      reason: optionalText('reason', 500),
      company_name: optionalText('company_name', 100),
      contact_email: optionalText('contact_email', 254),
    })
    .refine((v) => v.status !== undefined || v.plan !== undefined || v.company_name !== undefined || v.contact_email !== undefined, { message: 'Send status or plan to change.', path: ['status'] }),
  call: async (ctx, input) => {
    let client = await getClient(ctx, input.customer_id);
    checkUnchanged(client, input);
    if (input.plan && !hasScope(ctx.scopes, 'plans:write')) throw new AppError('insufficient_scope', 'This API key lacks the plans:write scope that changing a customer’s plan needs.');
    if (input.status && input.status !== client.status) {
      client = await setClientStatus(ctx, { clientId: client.id, status: input.status, reason: input.reason ?? defaultStatusReason });
    }
    let workspace = openWorkspace(await workspacesOfClient(ctx, client.id));
    if (input.plan) {
      const planId = input.plan;
      if (!workspace) {
        await withApiFieldNames(() => createWorkspace(ctx, { clientId: client.id, name: client.name, planId, billingPeriod: cycles[input.billing_cycle ?? 'monthly'] }));
      } else if (workspace.plan.code !== planId) {
        await withApiFieldNames(() => changePlan(ctx, workspace!.id, { planId }));
      }
      workspace = openWorkspace(await workspacesOfClient(ctx, client.id));
    }
    return { client, workspace };
  },
  data: ({ client, workspace }) => customerOf(client, workspace),
});

export const customersGroup = [createCustomer, listCustomers, getCustomer, updateCustomer];
