import { z } from 'zod';
import { addWorkspaceAddonOperation, changeWorkspacePlanOperation, deductWorkspacePointsOperation, listPlanAddonsOperation, listPlansOperation, pauseWorkspaceOperation, removeWorkspaceAddonOperation, resumeWorkspaceOperation, topUpWorkspacePointsOperation, updateWorkspaceOperation } from '@/lib/api/operations/plans';
import type { ApiCtx } from '@/lib/audit/context';
import { toPlanAddonResource, toPlanResource, withApiFieldNames } from '@/lib/workspaces/api-resources';
import { addAddon, changePlan, removeAddon } from '@/lib/workspaces/change-plan';
import { getWorkspace, pauseWorkspace, resumeWorkspace, updateWorkspace } from '@/lib/workspaces/manage-workspaces';
import { listOffers } from '@/lib/workspaces/offers';
import { deductPoints, topUpPoints } from '@/lib/workspaces/workspace-points';
import type { WorkspaceView } from '@/lib/workspaces/workspace-view';
import { available, optionalInteger, optionalText, type AnswerDoc, type FieldDoc } from '../endpoint';
import { cut, pageDocs, pageFields } from './paging';
import { withOwner, workspaceAnswer } from './workspace-shape';
import { workspaceIdField } from './workspaces';

/**
 * UChat's plan, add-on, points, auto-renew and pause actions on one workspace, each the same domain call as its
 * /api/v1/workspaces/{id}/… operation, answering the workspace after it as GET workspace/{workspaceId} does.
 * Money moves through the ledger exactly as there (prorated plan and add-on charges, points from the pool).
 */

const group = 'Billing and plans' as const;
const workspaceIdDoc: FieldDoc = { in: 'path', type: 'string', required: true, to: 'workspace_id', difference: 'A workspace id (wsp_…); another partner’s is 404 not_found.' };
const answer: AnswerDoc[] = workspaceAnswer;
const changeAnswer: AnswerDoc[] = workspaceAnswer.concat([{ name: 'effective', from: 'effective', note: 'now (an upgrade, charged), period_end (a downgrade, see pending_plan) or withdrawn (the current plan chosen again).' }]);
const shaped = (ctx: ApiCtx) => (view: WorkspaceView) => withOwner(ctx, view);

export const changeUChatPlan = available({
  group,
  method: 'PUT',
  path: 'workspace/{workspaceId}/change-plan',
  summary: 'Change or update a workspace’s current plan',
  example: { plan: 'pro' },
  rest: [changeWorkspacePlanOperation],
  scope: 'plans:write',
  fields: {
    workspaceId: workspaceIdDoc,
    plan: { in: 'body', type: 'string', required: true, to: 'plan', difference: 'A plan code the partner offers (see plans); `plan_id` and `plan_ns` are read the same way. An unknown or unoffered plan is 400 validation_failed on `plan`.' },
  },
  answer: changeAnswer,
  differences: ['A larger plan applies at once, charged for the IST days left less a credit for the old plan; a smaller one waits for the period’s end (pending_plan).'],
  schema: z.object({ workspaceId: workspaceIdField, plan: optionalText('plan', 64), plan_id: optionalText('plan_id', 64), plan_ns: optionalText('plan_ns', 64) }).transform((v, issue) => {
    const plan = v.plan ?? v.plan_id ?? v.plan_ns;
    if (!plan) {
      issue.addIssue({ code: 'custom', path: ['plan'], message: 'plan is required: a plan code (see plans).' });
      return z.NEVER;
    }
    return { workspaceId: v.workspaceId, plan };
  }),
  call: async (ctx, input) => {
    const changed = await withApiFieldNames(() => changePlan(ctx, input.workspaceId, { planId: input.plan }));
    return { ...(await shaped(ctx)(changed.workspace)), effective: changed.effective };
  },
  data: (w) => w,
});

const addonFields = (removing: boolean) => ({
  workspaceId: workspaceIdDoc,
  addon: { in: 'body' as const, type: 'string' as const, required: true, to: 'addon', difference: 'An add-on code the partner offers (see addons); `addon_id` and `addon_ns` are read the same way.' },
  quantity: { in: 'body' as const, type: 'integer' as const, required: false, to: 'quantity', difference: removing ? 'Units to remove, all when left out; removed at the period’s end (they were paid for until then).' : 'Units to add, 1 when left out; charged at once for the IST days left.' },
});

const addonSchema = z.object({ workspaceId: workspaceIdField, addon: optionalText('addon', 64), addon_id: optionalText('addon_id', 64), addon_ns: optionalText('addon_ns', 64), quantity: optionalInteger('quantity', 1, 10_000) }).transform((v, issue) => {
  const addon = v.addon ?? v.addon_id ?? v.addon_ns;
  if (!addon) {
    issue.addIssue({ code: 'custom', path: ['addon'], message: 'addon is required: an add-on code (see addons).' });
    return z.NEVER;
  }
  return { workspaceId: v.workspaceId, addon, quantity: v.quantity };
});

export const addUChatAddon = available({
  group,
  method: 'POST',
  path: 'workspace/{workspaceId}/add-addon',
  summary: 'Add or update a workspace’s addon',
  example: { addon: 'extra_bot_users', quantity: 1 },
  rest: [addWorkspaceAddonOperation],
  scope: 'plans:write',
  fields: addonFields(false),
  answer,
  schema: addonSchema,
  call: async (ctx, input) => shaped(ctx)(await withApiFieldNames(() => addAddon(ctx, input.workspaceId, { addonId: input.addon, quantity: input.quantity ?? 1 }))),
  data: (w) => w,
});

export const removeUChatAddon = available({
  group,
  method: 'POST',
  path: 'workspace/{workspaceId}/remove-addon',
  summary: 'Remove a workspace’s addon',
  example: { addon: 'extra_bot_users' },
  rest: [removeWorkspaceAddonOperation],
  scope: 'plans:write',
  fields: addonFields(true),
  answer,
  differences: ['Takes effect at the period’s end (addons shows quantity_from_period_end on /api/v1); UChat removes at once.'],
  schema: addonSchema,
  call: async (ctx, input) => shaped(ctx)(await withApiFieldNames(() => removeAddon(ctx, input.workspaceId, { addonId: input.addon, quantity: input.quantity }))),
  data: (w) => w,
});

const pointsDocs = (what: string) => ({
  workspaceId: workspaceIdDoc,
  points: { in: 'body' as const, type: 'integer' as const, required: true, to: 'quantity', difference: `Whole points, 1 to 10,000,000, ${what}; \`quantity\` is read the same way.` },
  comment: { in: 'body' as const, type: 'string' as const, required: false, to: 'comment', difference: 'Kept on the points ledger entry.' },
});
const pointsSchema = z.object({ workspaceId: workspaceIdField, points: optionalInteger('points', 1, 10_000_000), quantity: optionalInteger('quantity', 1, 10_000_000), comment: optionalText('comment', 500) }).transform((v, issue) => {
  const points = v.points ?? v.quantity;
  if (points === undefined) {
    issue.addIssue({ code: 'custom', path: ['points'], message: 'points is required: a whole number of points.' });
    return z.NEVER;
  }
  return { workspaceId: v.workspaceId, points, comment: v.comment };
});

export const topUpUChatPoints = available({
  group,
  method: 'POST',
  path: 'workspace/{workspaceId}/topup-points',
  summary: 'Add points to a workspace',
  example: { points: 500 },
  rest: [topUpWorkspacePointsOperation],
  scope: 'plans:write',
  fields: pointsDocs('moved from the partner’s points pool to the workspace'),
  answer,
  differences: ['Points come out of the partner’s points pool (bought in the console); with too few there it is 402/409 with the pool’s balance. Send an Idempotency-Key to make a retry safe.'],
  schema: pointsSchema,
  call: async (ctx, input) => {
    const moved = await withApiFieldNames(() => topUpPoints(ctx, input.workspaceId, { quantity: input.points, comment: input.comment }));
    return { ...(await shaped(ctx)(await getWorkspace(ctx, input.workspaceId))), replayed: moved.replayed };
  },
  data: (w) => w,
});

export const deductUChatPoints = available({
  group,
  method: 'POST',
  path: 'workspace/{workspaceId}/deduct-points',
  summary: 'Deduct or remove points from a workspace',
  example: { points: 100 },
  rest: [deductWorkspacePointsOperation],
  scope: 'plans:write',
  fields: pointsDocs('moved back from the workspace to the partner’s points pool'),
  answer,
  differences: ['More than the workspace holds is refused (not clipped to zero).'],
  schema: pointsSchema,
  call: async (ctx, input) => {
    const moved = await withApiFieldNames(() => deductPoints(ctx, input.workspaceId, { quantity: input.points, comment: input.comment }));
    return { ...(await shaped(ctx)(await getWorkspace(ctx, input.workspaceId))), replayed: moved.replayed };
  },
  data: (w) => w,
});

const onlyId = z.object({ workspaceId: workspaceIdField });

export const enableUChatAutoRenew = available({
  group,
  method: 'POST',
  path: 'workspace/{workspaceId}/enable-auto-renew',
  summary: 'Enable auto-renew for a workspace',
  rest: [updateWorkspaceOperation],
  scope: 'plans:write',
  fields: { workspaceId: workspaceIdDoc },
  answer,
  schema: onlyId,
  call: async (ctx, input) => shaped(ctx)(await updateWorkspace(ctx, input.workspaceId, { autoRenew: true })),
  data: (w) => w,
});

export const disableUChatAutoRenew = available({
  group,
  method: 'POST',
  path: 'workspace/{workspaceId}/disable-auto-renew',
  summary: 'Disable auto-renew for a workspace',
  rest: [updateWorkspaceOperation],
  scope: 'plans:write',
  fields: { workspaceId: workspaceIdDoc },
  answer,
  differences: ['As on UChat, the workspace drops to the free plan a few days after its period ends.'],
  schema: onlyId,
  call: async (ctx, input) => shaped(ctx)(await updateWorkspace(ctx, input.workspaceId, { autoRenew: false })),
  data: (w) => w,
});

export const pauseUChatWorkspace = available({
  group,
  method: 'POST',
  path: 'workspace/{workspaceId}/pause',
  summary: 'Pauses a specific workspace',
  rest: [pauseWorkspaceOperation],
  scope: 'plans:write',
  fields: { workspaceId: workspaceIdDoc, reason: { in: 'body', type: 'string', required: false, to: 'reason', difference: 'Not a UChat field; "Paused through the UChat partner API." when left out.' } },
  answer,
  differences: ['The workspace cannot be used and is not invoiced or renewed until resumed; pausing a paused workspace is 409 conflict.'],
  schema: z.object({ workspaceId: workspaceIdField, reason: optionalText('reason', 500) }),
  call: async (ctx, input) => shaped(ctx)(await pauseWorkspace(ctx, input.workspaceId, { reason: input.reason ?? 'Paused through the UChat partner API.' })),
  data: (w) => w,
});

export const activateUChatWorkspace = available({
  group,
  method: 'POST',
  path: 'workspace/{workspaceId}/active',
  summary: 'Resumes a specific workspace which was paused',
  rest: [resumeWorkspaceOperation],
  scope: 'plans:write',
  fields: { workspaceId: workspaceIdDoc },
  answer,
  differences: ['Only a pause by the partner is lifted here; one by the platform (over limits, renewal unpaid) is 409 conflict saying what resumes it.'],
  schema: onlyId,
  call: async (ctx, input) => shaped(ctx)(await resumeWorkspace(ctx, input.workspaceId)),
  data: (w) => w,
});

const priceAnswer: AnswerDoc = { name: 'prices', from: 'prices', note: 'Per billing period (monthly, yearly): list, wholesale and retail in paise, as strings.' };

export const listUChatPlans = available({
  group,
  method: 'GET',
  path: 'plans',
  summary: 'Fetches available plans for the Partner',
  rest: [listPlansOperation],
  scope: 'plans:read',
  fields: pageDocs,
  answer: [{ name: 'plan', from: 'plan.code', note: 'What change-plan and workspace/create take.' }, { name: 'name, description, rank, is_free, limits', from: 'plan' }, priceAnswer],
  differences: ['Only the plans the partner offers.'],
  schema: z.object(pageFields),
  call: async (ctx, input) => cut((await listOffers(ctx)).plans.filter((p) => p.offered), input),
  data: ({ items }) => items.map((offer) => { const { object: _o, code, ...plan } = toPlanResource(offer); return { plan: code, ...plan }; }),
  meta: ({ meta }) => meta,
});

export const listUChatAddons = available({
  group,
  method: 'GET',
  path: 'addons',
  summary: 'Fetches available addons for the Partner',
  rest: [listPlanAddonsOperation],
  scope: 'plans:read',
  fields: pageDocs,
  answer: [{ name: 'addon', from: 'plan_addon.code', note: 'What add-addon and remove-addon take.' }, { name: 'name, description, adds', from: 'plan_addon', note: 'adds: bot_users, members and bots one unit adds.' }, priceAnswer],
  differences: ['Only the add-ons the partner offers.'],
  schema: z.object(pageFields),
  call: async (ctx, input) => cut((await listOffers(ctx)).addons.filter((a) => a.offered), input),
  data: ({ items }) => items.map((offer) => { const { object: _o, code, ...addon } = toPlanAddonResource(offer); return { addon: code, ...addon }; }),
  meta: ({ meta }) => meta,
});

export const billingGroup = [changeUChatPlan, addUChatAddon, removeUChatAddon, topUpUChatPoints, deductUChatPoints, enableUChatAutoRenew, disableUChatAutoRenew, pauseUChatWorkspace, activateUChatWorkspace, listUChatPlans, listUChatAddons];
