import { hasScope } from '@/lib/api-keys/scopes';
import type { ApiCtx } from '@/lib/audit/context';
import { getClient } from '@/lib/clients/manage-clients';
import type { WorkspaceView } from '@/lib/workspaces/workspace-view';
import type { AnswerDoc } from '../endpoint';

/** A UChat workspace: its owner is the Switchboard client it belongs to; auto_renew is 0/1 as UChat sends it. */
export function uchatWorkspace(view: WorkspaceView, owner: { id: string; name: string; email: string; status: string } | null) {
  return {
    id: view.id,
    name: view.name,
    owner_id: view.client_id,
    owner_name: owner?.name ?? null,
    owner_email: owner?.email ?? null,
    owner_status: owner?.status ?? null,
    plan: view.plan.code,
    plan_name: view.plan.name,
    pending_plan: view.pending_plan?.code ?? null,
    billing_period: view.billing_period,
    current_period_start: view.current_period.start,
    current_period_end: view.current_period.end,
    auto_renew: view.auto_renew ? 1 : 0,
    status: view.status,
    points: view.points,
    addons: view.addons.map((a) => ({ addon: a.code, name: a.name, quantity: a.quantity })),
    limits: view.limits,
    usage: view.usage,
    created_at: view.created_at,
  };
}

export const workspaceAnswer: AnswerDoc[] = [
  { name: 'id', from: 'workspace.id', note: 'wsp_… (UChat’s are numbers): keep it as text.' },
  { name: 'name', from: 'workspace.name' },
  { name: 'owner_id, owner_name, owner_email, owner_status', from: 'client', note: 'The owner is the client the workspace belongs to (cli_…); owner_status is pending until it finishes KYC. Name, e-mail and status are null for a key without clients:read.' },
  { name: 'plan, plan_name, pending_plan', from: 'workspace.plan.code, .name, pending_plan.code', note: 'pending_plan: a downgrade waiting for the period’s end.' },
  { name: 'billing_period, current_period_start, current_period_end', from: 'workspace.billing_period, current_period', note: 'IST periods.' },
  { name: 'auto_renew', from: 'workspace.auto_renew', note: '1 or 0, as UChat sends it.' },
  { name: 'status', from: 'workspace.status', note: 'active, paused or cancelled (UChat deletes instead of cancelling).' },
  { name: 'points, addons, limits, usage', from: 'workspace.points, addons, limits, usage' },
  { name: 'created_at', from: 'workspace.created_at' },
];

/**
 * The owners of some workspaces, each read once. A client's name and e-mail are client data: a key that may read
 * plans but not clients gets the owner's id and nothing more, as /api/v1 would answer it.
 */
export async function ownersOf(ctx: ApiCtx, views: WorkspaceView[]) {
  if (!hasScope(ctx.scopes, 'clients:read')) return new Map<string, Awaited<ReturnType<typeof getClient>>>();
  const ids = [...new Set(views.map((v) => v.client_id))];
  const rows = await Promise.all(ids.map((id) => getClient(ctx, id)));
  return new Map(rows.map((row) => [row.id, row]));
}

export async function withOwner(ctx: ApiCtx, view: WorkspaceView) {
  return uchatWorkspace(view, (await ownersOf(ctx, [view])).get(view.client_id) ?? null);
}
