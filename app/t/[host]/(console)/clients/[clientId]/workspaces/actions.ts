'use server';

import { revalidatePath } from 'next/cache';
import { consoleAction } from '@/lib/actions/context-actions';
import { fieldsOf } from '@/lib/actions/form-action';
import { formatInr } from '@/lib/ledger/format';
import { addAddon, changePlan } from '@/lib/workspaces/change-plan';
import { createWorkspace, pauseWorkspace, resumeWorkspace, updateWorkspace, workspaceChargesOf } from '@/lib/workspaces/manage-workspaces';
import { topUpPoints } from '@/lib/workspaces/workspace-points';

// Workspaces exist per environment: these act through dataCtx, so test mode changes sandbox clients only.
const refresh = (clientId: string) => revalidatePath(`/clients/${encodeURIComponent(clientId)}/workspaces`);

export const createWorkspaceAction = consoleAction(async ({ dataCtx }, formData) => {
  const fields = fieldsOf(formData);
  const ws = await createWorkspace(dataCtx, { clientId: fields.clientId, name: fields.name, planId: fields.planId, billingPeriod: fields.billingPeriod, autoRenew: fields.autoRenew ?? '' });
  refresh(ws.client_id);
  return { message: `Workspace “${ws.name}” created on ${ws.plan.name}.` };
});

export const changePlanAction = consoleAction(async ({ dataCtx }, formData) => {
  const fields = fieldsOf(formData);
  const result = await changePlan(dataCtx, fields.workspaceId ?? '', { planId: fields.planId });
  refresh(result.workspace.client_id);
  if (result.effective === 'now') {
    const [charge] = await workspaceChargesOf(dataCtx, result.workspace.id);
    return { message: `Upgraded to ${result.workspace.plan.name}; charged ${formatInr(charge?.kind === 'upgrade' ? charge.retail : 0n)} for the rest of the period.` };
  }
  if (result.effective === 'withdrawn') return { message: 'The waiting plan change was withdrawn.' };
  return { message: `Moves to ${result.workspace.pending_plan?.name ?? 'the new plan'} when the period ends.` };
});

export const addAddonAction = consoleAction(async ({ dataCtx }, formData) => {
  const fields = fieldsOf(formData);
  const ws = await addAddon(dataCtx, fields.workspaceId ?? '', { addonId: fields.addonId, quantity: fields.quantity });
  refresh(ws.client_id);
  return { message: 'Add-on added.' };
});

export const topUpPointsAction = consoleAction(async ({ dataCtx }, formData) => {
  const fields = fieldsOf(formData);
  const result = await topUpPoints(dataCtx, fields.workspaceId ?? '', { quantity: fields.quantity, comment: fields.comment });
  refresh(fields.clientId ?? '');
  return { message: `The workspace now holds ${result.points} points.` };
});

export const pauseAction = consoleAction(async ({ dataCtx }, formData) => {
  const fields = fieldsOf(formData);
  const ws = await pauseWorkspace(dataCtx, fields.workspaceId ?? '', { reason: fields.reason });
  refresh(ws.client_id);
  return { message: 'Workspace paused.' };
});

export const resumeAction = consoleAction(async ({ dataCtx }, formData) => {
  const fields = fieldsOf(formData);
  const ws = await resumeWorkspace(dataCtx, fields.workspaceId ?? '');
  refresh(ws.client_id);
  return { message: ws.status === 'active' ? 'Workspace resumed.' : `Resumed, then paused again: ${ws.pause_reason}` };
});

export const autoRenewAction = consoleAction(async ({ dataCtx }, formData) => {
  const fields = fieldsOf(formData);
  const ws = await updateWorkspace(dataCtx, fields.workspaceId ?? '', { autoRenew: fields.autoRenew ?? '' });
  refresh(ws.client_id);
  return { message: ws.auto_renew ? 'Auto-renew is on.' : 'Auto-renew is off: the workspace falls to the free plan a few days after its period ends.' };
});
