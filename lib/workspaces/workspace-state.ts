import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable, Tx } from '@/db';
import { clients, planAddons, plans, workspaceAddons, workspaces, type PlanLimits, type Workspace, type WorkspacePauseCode } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { notFound } from '@/lib/errors/app-error';
import { emitEvent } from '@/lib/events/emit-event';

/** The caller's workspace, locked for the transaction when asked; another partner's is a 404. */
export async function workspaceOf(q: Queryable, partnerId: string, workspaceId: string, lock = false): Promise<Workspace> {
  const query = q
    .select()
    .from(workspaces)
    .where(and(eq(workspaces.id, workspaceId), eq(workspaces.partnerId, partnerId)))
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Workspace');
  return row;
}

/**
 * What a status does, in one place. Paused by the partner: nothing runs, nothing is renewed or collected
 * (the period restarts on resume). Paused over a limit or an unpaid renewal: the workspace cannot be used, but
 * its periods keep being invoiced and collected, so paying (or coming back within limits) resumes it.
 */
export function effectsOf(status: Workspace['status'], code: WorkspacePauseCode | null) {
  if (status === 'active') return { entitled: true, invoicing: true, collecting: true };
  if (status === 'cancelled') return { entitled: false, invoicing: false, collecting: false };
  return code === 'manual' ? { entitled: false, invoicing: false, collecting: false } : { entitled: false, invoicing: true, collecting: true };
}

export const noUsage: PlanLimits = { bot_users: 0, members: 0, bots: 0 };
const fields = ['bot_users', 'members', 'bots'] as const;

/** The workspace's limits now: its plan's, plus what each add-on unit adds. */
export async function limitsOf(q: Queryable, workspace: Pick<Workspace, 'id' | 'planId'>): Promise<PlanLimits> {
  const [plan] = await q.select({ limits: plans.limits }).from(plans).where(eq(plans.id, workspace.planId));
  const rows = await q.select({ quantity: workspaceAddons.quantity, adds: planAddons.adds }).from(workspaceAddons).innerJoin(planAddons, eq(planAddons.id, workspaceAddons.addonId)).where(eq(workspaceAddons.workspaceId, workspace.id));
  const limits = { ...(plan?.limits ?? noUsage) };
  for (const row of rows) for (const field of fields) limits[field] += row.adds[field] * row.quantity;
  return limits;
}

/** The limits the usage goes over, in words (`members 5 of 3`); empty when within them. */
export function overLimits(usage: PlanLimits, limits: PlanLimits): string[] {
  return fields.filter((field) => usage[field] > limits[field]).map((field) => `${field.replace('_', ' ')} ${usage[field]} of ${limits[field]}`);
}

export const workspacePayload = (row: Workspace) => ({
  workspace_id: row.id,
  client_id: row.clientId,
  name: row.name,
  plan_id: row.planId,
  billing_period: row.billingPeriod,
  period_start: row.periodStart.toISOString(),
  period_end: row.periodEnd.toISOString(),
  auto_renew: row.autoRenew,
  status: row.status,
  pause_code: row.pauseCode,
  pause_reason: row.pauseReason,
});

/**
 * What a workspace event adds to its row for receivers that want the owner and the plan by name (UChat-format
 * webhooks send `owner_email` and `plan`): the client's e-mail and name, and the plan's code.
 */
export async function workspaceEventFacts(q: Queryable, row: Pick<Workspace, 'clientId' | 'planId'>) {
  const [[client], [plan]] = await Promise.all([
    q.select({ email: clients.email, name: clients.name }).from(clients).where(eq(clients.id, row.clientId)),
    q.select({ code: plans.code }).from(plans).where(eq(plans.id, row.planId)),
  ]);
  return { client_email: client?.email ?? null, client_name: client?.name ?? null, plan_code: plan?.code ?? null };
}

/** Pauses a workspace with a reason code, announcing it; returns the row after. */
export async function pauseWorkspaceRow(tx: Tx, ctx: PartnerCtx, row: Workspace, code: WorkspacePauseCode, reason: string, now = new Date()): Promise<Workspace> {
  const [after] = await tx
    .update(workspaces)
    .set({
      status: 'paused',
      pauseCode: code,
      pauseReason: reason,
      pausedAt: now,
      ...effectsOf('paused', code),
      updatedAt: now,
    })
    .where(eq(workspaces.id, row.id))
    .returning();
  await emitEvent(tx, ctx.partnerId, 'workspace.paused', {
    ...workspacePayload(after!),
    automatic: code !== 'manual',
  });
  await recordAudit(tx, ctx, {
    partnerId: ctx.partnerId,
    action: 'workspace.paused',
    targetType: 'workspace',
    targetId: row.id,
    before: { status: row.status, pause_code: row.pauseCode },
    after: { status: 'paused', pause_code: code, reason },
  });
  return after!;
}

/**
 * Resumes a paused workspace, announcing it. A workspace paused by its partner past its period's end starts a
 * new period on the next renewal sweep (it was not invoiced while paused).
 */
export async function resumeWorkspaceRow(tx: Tx, ctx: PartnerCtx, row: Workspace, cause: string, now = new Date()): Promise<Workspace> {
  const [after] = await tx
    .update(workspaces)
    .set({
      status: 'active',
      pauseCode: null,
      pauseReason: null,
      pausedAt: null,
      ...effectsOf('active', null),
      updatedAt: now,
    })
    .where(eq(workspaces.id, row.id))
    .returning();
  await emitEvent(tx, ctx.partnerId, 'workspace.resumed', {
    ...workspacePayload(after!),
    previous_pause_code: row.pauseCode,
    cause,
  });
  await recordAudit(tx, ctx, {
    partnerId: ctx.partnerId,
    action: 'workspace.resumed',
    targetType: 'workspace',
    targetId: row.id,
    before: { status: row.status, pause_code: row.pauseCode },
    after: { status: 'active', cause },
  });
  return after!;
}

/**
 * Pauses a workspace that went over its limits (`limit_exceeded`) and resumes one paused for that reason that
 * is back within them. Called after every change of usage, plan or add-ons, so the pause follows the cause.
 */
export async function applyLimits(tx: Tx, ctx: PartnerCtx, row: Workspace, now = new Date()): Promise<Workspace> {
  if (row.status === 'cancelled') return row;
  const over = overLimits(row.usage, await limitsOf(tx, row));
  if (over.length && row.status === 'active') return pauseWorkspaceRow(tx, ctx, row, 'limit_exceeded', `Over the plan’s limits: ${over.join(', ')}.`, now);
  if (!over.length && row.status === 'paused' && row.pauseCode === 'limit_exceeded') return resumeWorkspaceRow(tx, ctx, row, 'within_limits', now);
  // Still over, with a new count: the reason says the numbers now.
  if (over.length && row.status === 'paused' && row.pauseCode === 'limit_exceeded') {
    const reason = `Over the plan’s limits: ${over.join(', ')}.`;
    if (reason !== row.pauseReason) [row] = (await tx.update(workspaces).set({ pauseReason: reason }).where(eq(workspaces.id, row.id)).returning()) as [Workspace];
  }
  return row;
}

/** Each workspace's add-ons with their codes and names, for views. */
export async function addonsOf(q: Queryable, workspaceIds: string[]) {
  if (!workspaceIds.length)
    return new Map<
      string,
      {
        addonId: string;
        code: string;
        name: string;
        quantity: number;
        pendingQuantity: number | null;
      }[]
    >();
  const rows = await q
    .select({
      workspaceId: workspaceAddons.workspaceId,
      addonId: workspaceAddons.addonId,
      code: planAddons.code,
      name: planAddons.name,
      quantity: workspaceAddons.quantity,
      pendingQuantity: workspaceAddons.pendingQuantity,
    })
    .from(workspaceAddons)
    .innerJoin(planAddons, eq(planAddons.id, workspaceAddons.addonId))
    .where(inArray(workspaceAddons.workspaceId, workspaceIds));
  const byWorkspace = new Map<
    string,
    {
      addonId: string;
      code: string;
      name: string;
      quantity: number;
      pendingQuantity: number | null;
    }[]
  >();
  for (const { workspaceId, ...addon } of rows) byWorkspace.set(workspaceId, [...(byWorkspace.get(workspaceId) ?? []), addon]);
  return byWorkspace;
}
