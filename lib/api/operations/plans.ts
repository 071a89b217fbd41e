import { z } from 'zod';
import { listParamsShape } from '@/lib/pagination/cursor';
import { defineOperation } from '../operation';
import { idOf, pageOf, timestamp } from '../schemas';

const paise = (description: string) =>
  z
    .number()
    .int()
    .meta({
      description: `${description}, in paise (₹1 = 100).`,
      example: 99_900,
    });
const counts = (description: string) =>
  z
    .object({
      bot_users: z.number().int(),
      members: z.number().int(),
      bots: z.number().int(),
    })
    .meta({ description });
const periodPrice = z.object({
  list: paise('The operator’s list price'),
  wholesale: paise('What you pay: list less your tier’s discount'),
  retail: paise('What your client pays (the list price unless you set one)'),
});
const prices = z.object({ monthly: periodPrice, yearly: periodPrice });
const code = (what: string) =>
  z
    .string()
    .trim()
    .min(1)
    .max(40)
    .meta({ description: `The ${what}’s code.` });

export const planResource = z
  .object({
    object: z.literal('plan'),
    code: z.string(),
    name: z.string(),
    description: z.string(),
    rank: z.number().int().meta({
      description: 'Plans sort by rank; a higher rank is an upgrade (at once), a lower one a downgrade (at the period’s end).',
    }),
    is_free: z.boolean().meta({
      description: 'The plan workspaces fall to when they are not renewed; always offered.',
    }),
    limits: counts('What a workspace on this plan may have.'),
    offered: z.boolean().meta({ description: 'Whether you offer it to your clients.' }),
    prices,
  })
  .meta({ id: 'Plan' });

export const planAddonResource = z
  .object({
    object: z.literal('plan_addon'),
    code: z.string(),
    name: z.string(),
    description: z.string(),
    adds: counts('What one unit adds to a workspace’s limits.'),
    offered: z.boolean(),
    prices: prices.meta({ description: 'Per unit.' }),
  })
  .meta({ id: 'PlanAddon' });

const priceExample = (list: number, discount = 0.2) => ({
  list,
  wholesale: Math.round(list * (1 - discount)),
  retail: list,
});
const planExample = {
  object: 'plan',
  code: 'pro',
  name: 'Pro',
  description: 'For a growing team.',
  rank: 1,
  is_free: false,
  limits: { bot_users: 10_000, members: 3, bots: 5 },
  offered: true,
  prices: { monthly: priceExample(99_900), yearly: priceExample(999_000) },
};
const addonExample = {
  object: 'plan_addon',
  code: 'extra_member',
  name: 'Extra member',
  description: 'One more team member.',
  adds: { bot_users: 0, members: 1, bots: 0 },
  offered: true,
  prices: { monthly: priceExample(19_900), yearly: priceExample(199_000) },
};

export const workspaceResource = z
  .object({
    object: z.literal('workspace'),
    id: idOf('wsp', 'The workspace’s id.'),
    client_id: idOf('cli', 'The client it belongs to.'),
    name: z.string(),
    plan: z.object({ code: z.string(), name: z.string() }),
    pending_plan: z.object({ code: z.string(), name: z.string(), effective_at: timestamp }).nullable().meta({ description: 'A downgrade waiting for the period’s end.' }),
    addons: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        quantity: z.number().int(),
        quantity_from_period_end: z.number().int().nullable().meta({
          description: 'Units left after a removal that waits for the period’s end.',
        }),
      }),
    ),
    billing_period: z.enum(['monthly', 'yearly']),
    current_period: z.object({ start: timestamp, end: timestamp }).meta({
      description: 'IST calendar months (00:00 IST on the 1st), stored in UTC.',
    }),
    auto_renew: z.boolean().meta({
      description: 'Off: the workspace falls to the free plan a few days (3 unless configured) after its period ends.',
    }),
    status: z.enum(['active', 'paused', 'cancelled']),
    pause_code: z.enum(['manual', 'limit_exceeded', 'renewal_unpaid']).nullable().meta({
      description: '`limit_exceeded` and `renewal_unpaid` resume by themselves once their cause is gone.',
    }),
    pause_reason: z.string().nullable(),
    paused_at: timestamp.nullable(),
    effects: z.object({
      entitled: z.boolean().meta({ description: 'It can be used.' }),
      invoicing: z.boolean().meta({ description: 'Its periods are renewed and charged.' }),
      collecting: z.boolean().meta({ description: 'A failed renewal is retried.' }),
    }),
    points: z.number().int(),
    limits: counts('The plan’s limits plus the add-ons’.'),
    usage: counts('The counts last reported.'),
    over_limits: z.array(z.string()).meta({
      description: 'Each limit the usage goes over, e.g. `members 5 of 3`.',
    }),
    billing_info: z
      .object({
        legal_name: z.string(),
        gstin: z.string().nullable(),
        address_line1: z.string(),
        address_line2: z.string().nullable(),
        city: z.string(),
        state: z.string(),
        pincode: z.string(),
        email: z.string().nullable(),
      })
      .nullable()
      .meta({
        description: 'Who invoices are addressed to, when not the client as on record.',
      }),
    cancelled_at: timestamp.nullable(),
    created_at: timestamp,
  })
  .meta({ id: 'Workspace' });

const workspaceExample = {
  object: 'workspace',
  id: 'wsp_01kaz3d4mqf2v8n6w0c1e5rj7t',
  client_id: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t',
  name: 'Support bot',
  plan: { code: 'pro', name: 'Pro' },
  pending_plan: null,
  addons: [
    {
      code: 'extra_member',
      name: 'Extra member',
      quantity: 1,
      quantity_from_period_end: null,
    },
  ],
  billing_period: 'monthly',
  current_period: {
    start: '2026-11-30T18:30:00.000Z',
    end: '2026-12-31T18:30:00.000Z',
  },
  auto_renew: true,
  status: 'active',
  pause_code: null,
  pause_reason: null,
  paused_at: null,
  effects: { entitled: true, invoicing: true, collecting: true },
  points: 250,
  limits: { bot_users: 10_000, members: 4, bots: 5 },
  usage: { bot_users: 1_840, members: 3, bots: 2 },
  over_limits: [],
  billing_info: {
    legal_name: 'Bluebird Logistics Pvt Ltd',
    gstin: '27AAACB4821K1ZR',
    address_line1: '14 Ring Road',
    address_line2: null,
    city: 'Pune',
    state: 'Maharashtra',
    pincode: '411001',
    email: 'accounts@bluebird.example',
  },
  cancelled_at: null,
  created_at: '2026-12-01T09:00:00.000Z',
};

export const workspaceChargeResource = z
  .object({
    object: z.literal('workspace_charge'),
    id: idOf('wsc', 'The charge’s id.'),
    workspace_id: idOf('wsp', 'The workspace.'),
    kind: z.enum(['subscription', 'renewal', 'upgrade', 'addon']).meta({
      description: '`subscription`: the first period, prorated; `renewal`: a whole period; `upgrade` and `addon`: prorated for the days left.',
    }),
    period: z.string().meta({
      description: 'The IST month the charged period starts in, `YYYY-MM`.',
    }),
    period_start: timestamp,
    period_end: timestamp,
    charge_id: idOf('lset', 'The ledger set (charge) that paid it.').nullable(),
    retail: paise('Taken from the client’s wallet'),
    wholesale: paise('Taken from your prepaid balance'),
    details: z.record(z.string(), z.unknown()).meta({
      description: 'What was charged: plan, add-ons, proration (days left, credit for the old plan).',
    }),
    created_at: timestamp,
  })
  .meta({ id: 'WorkspaceCharge' });

const chargeExample = {
  object: 'workspace_charge',
  id: 'wsc_01kaz3d4mqf2v8n6w0c1e5rj7t',
  workspace_id: 'wsp_01kaz3d4mqf2v8n6w0c1e5rj7t',
  kind: 'upgrade',
  period: '2026-12',
  period_start: '2026-11-30T18:30:00.000Z',
  period_end: '2026-12-31T18:30:00.000Z',
  charge_id: 'lset_01kaz3d4mqf2v8n6w0c1e5rj7t',
  retail: 103_226,
  wholesale: 82_581,
  details: {
    from_plan_id: 'pln_01kaz3d4mqf2v8n6w0c1e5rj7t',
    plan_code: 'business',
    proration: {
      days_left: 16,
      days_in_period: 31,
      credit_retail: '51561',
      charge_retail: '154787',
    },
  },
  created_at: '2026-12-16T06:30:00.000Z',
};

export const workspaceIdParams = z.strictObject({
  workspace_id: idOf('wsp', 'The workspace’s id.'),
});
const tag = 'Plans and workspaces';
const listOf = <T extends z.ZodType>(item: T) =>
  z.object({
    object: z.literal('list'),
    data: z.array(item),
    has_more: z.boolean(),
  });
const retailField = z.number().int().min(0).nullable().optional().meta({
  description: 'Paise per period; null for the list price.',
  example: 129_900,
});
const offerBody = z.strictObject({
  offered: z.boolean().meta({ description: 'Offer it to your clients.' }),
  monthly_retail: retailField,
  yearly_retail: retailField,
  confirm_below_wholesale: z.boolean().default(false),
});

export const listPlansOperation = defineOperation({
  method: 'GET',
  path: '/plans',
  operationId: 'listPlans',
  summary: 'List plans',
  description: 'Every plan of the chat-bot product with its limits, its list price, your wholesale price (list less your tier’s discount) and your retail price per billing period, and whether you offer it (UChat: `/partner/plans`).',
  tag,
  scope: 'plans:read',
  response: {
    status: 200,
    description: 'The plans, smallest first.',
    schema: listOf(planResource),
    example: { object: 'list', data: [planExample], has_more: false },
  },
});

export const listPlanAddonsOperation = defineOperation({
  method: 'GET',
  path: '/plan_addons',
  operationId: 'listPlanAddons',
  summary: 'List add-ons',
  description: 'Every add-on with what one unit adds, and its prices per unit and billing period (UChat: `/partner/addons`).',
  tag,
  scope: 'plans:read',
  response: {
    status: 200,
    description: 'The add-ons.',
    schema: listOf(planAddonResource),
    example: { object: 'list', data: [addonExample], has_more: false },
  },
});

export const setPlanOfferOperation = defineOperation({
  method: 'PUT',
  path: '/plans/{plan_code}/offer',
  operationId: 'setPlanOffer',
  summary: 'Offer a plan',
  description:
    'Offers a plan to your clients (or stops offering it; workspaces on it keep it) at your retail prices. A price below your wholesale price is refused (422 `retail_below_wholesale`) unless `confirm_below_wholesale` is true. Set in live mode; test mode uses the live offers.',
  tag,
  scope: 'plans:write',
  params: z.strictObject({ plan_code: code('plan').meta({ example: 'pro' }) }),
  body: offerBody,
  bodyExample: {
    offered: true,
    monthly_retail: 129_900,
    yearly_retail: null,
    confirm_below_wholesale: false,
  },
  response: {
    status: 200,
    description: 'The plan with your prices now.',
    schema: planResource,
    example: {
      ...planExample,
      prices: {
        ...planExample.prices,
        monthly: { ...planExample.prices.monthly, retail: 129_900 },
      },
    },
  },
  errors: ['not_found', 'validation_failed', 'retail_below_wholesale', 'forbidden'],
});

export const setPlanAddonOfferOperation = defineOperation({
  method: 'PUT',
  path: '/plan_addons/{addon_code}/offer',
  operationId: 'setPlanAddonOffer',
  summary: 'Offer an add-on',
  description: 'Offers an add-on to your clients at your retail prices per unit, as for plans.',
  tag,
  scope: 'plans:write',
  params: z.strictObject({
    addon_code: code('add-on').meta({ example: 'extra_member' }),
  }),
  body: offerBody,
  bodyExample: {
    offered: true,
    monthly_retail: 24_900,
    yearly_retail: null,
    confirm_below_wholesale: false,
  },
  response: {
    status: 200,
    description: 'The add-on with your prices now.',
    schema: planAddonResource,
    example: addonExample,
  },
  errors: ['not_found', 'validation_failed', 'retail_below_wholesale', 'forbidden'],
});

export const listWorkspacesOperation = defineOperation({
  method: 'GET',
  path: '/workspaces',
  operationId: 'listWorkspaces',
  summary: 'List workspaces',
  description: 'Your clients’ workspaces, newest first, by client or status (UChat: `/partner/workspaces`).',
  tag,
  scope: 'plans:read',
  query: z.strictObject({
    ...listParamsShape,
    client_id: idOf('cli', 'Only this client’s workspaces.').optional(),
    status: z.enum(['active', 'paused', 'cancelled']).optional(),
  }),
  response: {
    status: 200,
    description: 'A page of workspaces.',
    schema: pageOf(workspaceResource),
    example: { object: 'list', data: [workspaceExample], has_more: false },
  },
});

export const createWorkspaceOperation = defineOperation({
  method: 'POST',
  path: '/workspaces',
  operationId: 'createWorkspace',
  summary: 'Create a workspace',
  description:
    'Creates a workspace for a client on a plan you offer (the free plan when `plan` is left out). Its first period is the current IST month (or twelve months from it, yearly); a paid plan is charged at once for the days left: retail from the client’s wallet, wholesale from your prepaid balance (402 when either lacks funds; nothing is created).',
  tag,
  scope: 'plans:write',
  body: z.strictObject({
    client_id: idOf('cli', 'The client.'),
    name: z.string().trim().min(1).max(120).meta({ example: 'Support bot' }),
    plan: code('plan').optional().meta({ example: 'pro' }),
    billing_period: z.enum(['monthly', 'yearly']).default('monthly'),
    auto_renew: z.boolean().default(true),
  }),
  bodyExample: {
    client_id: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t',
    name: 'Support bot',
    plan: 'pro',
    billing_period: 'monthly',
    auto_renew: true,
  },
  response: {
    status: 201,
    description: 'The workspace.',
    schema: workspaceResource,
    example: workspaceExample,
  },
  errors: ['not_found', 'validation_failed', 'client_insufficient_funds', 'partner_insufficient_funds'],
});

export const getWorkspaceOperation = defineOperation({
  method: 'GET',
  path: '/workspaces/{workspace_id}',
  operationId: 'getWorkspace',
  summary: 'Get a workspace',
  description: 'A workspace with its plan, add-ons, period, limits and usage, status and its effects, points and billing information.',
  tag,
  scope: 'plans:read',
  params: workspaceIdParams,
  response: {
    status: 200,
    description: 'The workspace.',
    schema: workspaceResource,
    example: workspaceExample,
  },
  errors: ['not_found'],
});

export const updateWorkspaceOperation = defineOperation({
  method: 'PATCH',
  path: '/workspaces/{workspace_id}',
  operationId: 'updateWorkspace',
  summary: 'Rename a workspace or switch auto-renew',
  description: 'Changes the name or `auto_renew` (UChat: enable-auto-renew / disable-auto-renew). With auto-renew off the workspace is not charged again and falls to the free plan a few days after its period ends.',
  tag,
  scope: 'plans:write',
  params: workspaceIdParams,
  body: z.strictObject({
    name: z.string().trim().min(1).max(120).optional(),
    auto_renew: z.boolean().optional(),
  }),
  bodyExample: { auto_renew: false },
  response: {
    status: 200,
    description: 'The workspace.',
    schema: workspaceResource,
    example: { ...workspaceExample, auto_renew: false },
  },
  errors: ['not_found', 'validation_failed', 'conflict'],
});

export const cancelWorkspaceOperation = defineOperation({
  method: 'DELETE',
  path: '/workspaces/{workspace_id}',
  operationId: 'cancelWorkspace',
  summary: 'Cancel a workspace',
  description: 'Cancels the workspace: it stops at once and is never renewed; unused points go back to your points pool. Sends `workspace.cancelled`, and `client.cancelled` when it was the client’s last open workspace.',
  tag,
  scope: 'plans:write',
  params: workspaceIdParams,
  query: z.strictObject({ reason: z.string().trim().max(500).optional() }),
  response: {
    status: 200,
    description: 'The cancelled workspace.',
    schema: workspaceResource,
    example: {
      ...workspaceExample,
      status: 'cancelled',
      effects: { entitled: false, invoicing: false, collecting: false },
      points: 0,
      cancelled_at: '2026-12-20T10:00:00.000Z',
    },
  },
  errors: ['not_found', 'conflict'],
});

const changeResult = workspaceResource.extend({
  effective: z.enum(['now', 'period_end', 'withdrawn']).meta({
    description: '`now` for an upgrade (charged), `period_end` for a downgrade, `withdrawn` when a waiting downgrade was withdrawn.',
  }),
});

export const changeWorkspacePlanOperation = defineOperation({
  method: 'POST',
  path: '/workspaces/{workspace_id}/change_plan',
  operationId: 'changeWorkspacePlan',
  summary: 'Change a workspace’s plan',
  description:
    'A larger plan applies at once: the client pays the new plan for the IST days left of the period less a credit for the unused part of the old one (wholesale likewise), sending `workspace.plan_changed` and `client.upgraded`. A smaller plan applies at the period’s end. The current plan again withdraws a waiting downgrade.',
  tag,
  scope: 'plans:write',
  params: workspaceIdParams,
  body: z.strictObject({ plan: code('plan').meta({ example: 'business' }) }),
  bodyExample: { plan: 'business' },
  response: {
    status: 200,
    description: 'The workspace after the change.',
    schema: changeResult,
    example: {
      ...workspaceExample,
      plan: { code: 'business', name: 'Business' },
      effective: 'now',
    },
  },
  errors: ['not_found', 'validation_failed', 'conflict', 'client_insufficient_funds', 'partner_insufficient_funds'],
});

const addonBody = (what: string) =>
  z.strictObject({
    addon: code('add-on').meta({ example: 'extra_member' }),
    quantity: z.number().int().min(1).max(10_000).optional().meta({ description: what }),
  });

export const addWorkspaceAddonOperation = defineOperation({
  method: 'POST',
  path: '/workspaces/{workspace_id}/add_addon',
  operationId: 'addWorkspaceAddon',
  summary: 'Add an add-on',
  description: 'Adds units of an add-on you offer at once, charged for the IST days left of the period; withdraws a removal waiting for the period’s end.',
  tag,
  scope: 'plans:write',
  params: workspaceIdParams,
  body: addonBody('Units to add (default 1).'),
  bodyExample: { addon: 'extra_member', quantity: 1 },
  response: {
    status: 200,
    description: 'The workspace.',
    schema: workspaceResource,
    example: workspaceExample,
  },
  errors: ['not_found', 'validation_failed', 'conflict', 'client_insufficient_funds', 'partner_insufficient_funds'],
});

export const removeWorkspaceAddonOperation = defineOperation({
  method: 'POST',
  path: '/workspaces/{workspace_id}/remove_addon',
  operationId: 'removeWorkspaceAddon',
  summary: 'Remove an add-on',
  description: 'Removes units of an add-on at the period’s end (they are paid until then); all of them when `quantity` is left out.',
  tag,
  scope: 'plans:write',
  params: workspaceIdParams,
  body: addonBody('Units to remove (default all).'),
  bodyExample: { addon: 'extra_member', quantity: 1 },
  response: {
    status: 200,
    description: 'The workspace.',
    schema: workspaceResource,
    example: {
      ...workspaceExample,
      addons: [{ ...workspaceExample.addons[0], quantity_from_period_end: 0 }],
    },
  },
  errors: ['not_found', 'validation_failed', 'conflict'],
});

const pointsBody = z.strictObject({
  quantity: z.number().int().min(1).max(10_000_000).meta({ example: 100 }),
  comment: z.string().trim().max(500).optional().meta({ example: 'Monthly bonus' }),
});

export const topUpWorkspacePointsOperation = defineOperation({
  method: 'POST',
  path: '/workspaces/{workspace_id}/topup_points',
  operationId: 'topUpWorkspacePoints',
  summary: 'Top up points',
  description: 'Moves points from your points pool to the workspace, as a ledger transfer (402 `partner_insufficient_funds` when the pool lacks them: buy points first).',
  tag,
  scope: 'plans:write',
  params: workspaceIdParams,
  body: pointsBody,
  bodyExample: { quantity: 100, comment: 'Monthly bonus' },
  response: {
    status: 200,
    description: 'The workspace.',
    schema: workspaceResource,
    example: workspaceExample,
  },
  errors: ['not_found', 'validation_failed', 'conflict', 'partner_insufficient_funds'],
});

export const deductWorkspacePointsOperation = defineOperation({
  method: 'POST',
  path: '/workspaces/{workspace_id}/deduct_points',
  operationId: 'deductWorkspacePoints',
  summary: 'Deduct points',
  description: 'Moves points from the workspace back to your points pool; at most what it holds.',
  tag,
  scope: 'plans:write',
  params: workspaceIdParams,
  body: pointsBody,
  bodyExample: { quantity: 50, comment: 'Correction' },
  response: {
    status: 200,
    description: 'The workspace.',
    schema: workspaceResource,
    example: { ...workspaceExample, points: 200 },
  },
  errors: ['not_found', 'validation_failed', 'conflict'],
});

export const pauseWorkspaceOperation = defineOperation({
  method: 'POST',
  path: '/workspaces/{workspace_id}/pause',
  operationId: 'pauseWorkspace',
  summary: 'Pause a workspace',
  description: 'Pauses the workspace with your reason: it cannot be used, and is not renewed or charged until resumed.',
  tag,
  scope: 'plans:write',
  params: workspaceIdParams,
  body: z.strictObject({
    reason: z.string().trim().min(1).max(500).meta({ example: 'Client asked for a break' }),
  }),
  bodyExample: { reason: 'Client asked for a break' },
  response: {
    status: 200,
    description: 'The paused workspace.',
    schema: workspaceResource,
    example: {
      ...workspaceExample,
      status: 'paused',
      pause_code: 'manual',
      pause_reason: 'Client asked for a break',
      paused_at: '2026-12-20T10:00:00.000Z',
      effects: { entitled: false, invoicing: false, collecting: false },
    },
  },
  errors: ['not_found', 'validation_failed', 'conflict'],
});

export const resumeWorkspaceOperation = defineOperation({
  method: 'POST',
  path: '/workspaces/{workspace_id}/resume',
  operationId: 'resumeWorkspace',
  summary: 'Resume a workspace',
  description: 'Resumes a workspace you paused (UChat: `/active`). One paused over its limits or for an unpaid renewal resumes by itself when the cause is gone; resuming it here answers 409 with what is needed.',
  tag,
  scope: 'plans:write',
  params: workspaceIdParams,
  response: {
    status: 200,
    description: 'The workspace.',
    schema: workspaceResource,
    example: workspaceExample,
  },
  errors: ['not_found', 'conflict'],
});

const usageCount = z.number().int().min(0).max(100_000_000).optional();

export const reportWorkspaceUsageOperation = defineOperation({
  method: 'POST',
  path: '/workspaces/{workspace_id}/usage',
  operationId: 'reportWorkspaceUsage',
  summary: 'Report usage',
  description: 'Records the workspace’s current counts. Over its limits it pauses (`limit_exceeded`, `workspace.paused`); back within them it resumes by itself.',
  tag,
  scope: 'plans:write',
  params: workspaceIdParams,
  body: z.strictObject({
    bot_users: usageCount,
    members: usageCount,
    bots: usageCount,
  }),
  bodyExample: { bot_users: 1_840, members: 3, bots: 2 },
  response: {
    status: 200,
    description: 'The workspace.',
    schema: workspaceResource,
    example: workspaceExample,
  },
  errors: ['not_found', 'validation_failed'],
});

export const setWorkspaceBillingInfoOperation = defineOperation({
  method: 'PUT',
  path: '/workspaces/{workspace_id}/billing_info',
  operationId: 'setWorkspaceBillingInfo',
  summary: 'Set billing information',
  description: 'Who the workspace’s invoices are addressed to: legal name, GSTIN (optional, 15 characters), address, state (the place of supply when unregistered) and PIN code (UChat: update-extra-billing-information).',
  tag,
  scope: 'plans:write',
  params: workspaceIdParams,
  body: z.strictObject({
    legal_name: z.string().trim().min(1).max(200),
    gstin: z.string().trim().max(15).nullable().optional(),
    address_line1: z.string().trim().min(1).max(200),
    address_line2: z.string().trim().max(200).nullable().optional(),
    city: z.string().trim().min(1).max(100),
    state: z.string().trim().min(2).max(100),
    pincode: z.string().trim().max(6),
    email: z.string().trim().max(254).nullable().optional(),
  }),
  bodyExample: workspaceExample.billing_info,
  response: {
    status: 200,
    description: 'The workspace.',
    schema: workspaceResource,
    example: workspaceExample,
  },
  errors: ['not_found', 'validation_failed'],
});

export const listWorkspaceChargesOperation = defineOperation({
  method: 'GET',
  path: '/workspaces/{workspace_id}/charges',
  operationId: 'listWorkspaceCharges',
  summary: 'List a workspace’s charges',
  description: 'The charges for the workspace’s plan and add-ons (its first period, renewals, upgrades and add-ons), newest first, each naming the ledger charge that paid it; the latest 100.',
  tag,
  scope: 'plans:read',
  params: workspaceIdParams,
  response: {
    status: 200,
    description: 'The charges.',
    schema: listOf(workspaceChargeResource),
    example: { object: 'list', data: [chargeExample], has_more: false },
  },
  errors: ['not_found'],
});
