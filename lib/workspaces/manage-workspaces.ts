import { and, desc, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { validateGstin } from '@/lib/kyc/validators/gstin';
import { billingPeriod, workspaceBillingInfo, workspaceCharges, workspaces, workspaceStatus, type Workspace } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { AppError, conflict } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { emitEvent } from '@/lib/events/emit-event';
import { newId } from '@/lib/ids';
import { clientOf } from '@/lib/ledger/books';
import type { ListParams } from '@/lib/pagination/cursor';
import { cursorQuery, toPage } from '@/lib/pagination/cursor';
import { cursorClauses } from '@/lib/pagination/cursor-sql';
import { daysLeft, daysOf, periodStartingAt, prorate } from './billing-periods';
import { freePlan } from './catalogue';
import { chargeWorkspace } from './charge-workspace';
import { planOffer } from './offers';
import { returnPoints } from './workspace-points';
import { applyLimits, effectsOf, noUsage, pauseWorkspaceRow, resumeWorkspaceRow, workspaceOf, workspaceEventFacts, workspacePayload } from './workspace-state';
import { workspaceViews } from './workspace-view';

const flag = z.union([z.boolean(), z.literal('on').transform(() => true), z.literal('true').transform(() => true), z.literal('false').transform(() => false), z.literal('').transform(() => false)]);

export const createWorkspaceSchema = z.object({
  clientId: z.string().trim().min(1, 'Choose a client.'),
  name: z.string().trim().min(1, 'Give the workspace a name.').max(120, 'Use at most 120 characters.'),
  /** Empty: the free plan. */
  planId: z.string().trim().optional(),
  billingPeriod: z.enum(billingPeriod.enumValues, 'Choose monthly or yearly.').default('monthly'),
  autoRenew: flag.default(true),
});

/**
 * Creates a workspace for a client on a plan the partner offers (the free plan by default). Its first period is
 * the current IST month (or the twelve months from it); a paid plan is charged at once for the days left of it.
 */
export async function createWorkspace(ctx: PartnerCtx, input: Untrusted<z.input<typeof createWorkspaceSchema>>, now = new Date()) {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(createWorkspaceSchema, input);
  const id = await getDb().transaction(async (tx) => {
    const client = await clientOf(tx, ctx.partnerId, data.clientId);
    const planId = data.planId || (await freePlan(tx))?.id;
    if (!planId) throw new AppError('validation_failed', 'Choose a plan: no free plan is defined yet.', { planId: 'Choose a plan: no free plan is defined yet.' });
    const offer = await planOffer(tx, ctx.partnerId, planId);
    const period = periodStartingAt(now, data.billingPeriod);
    const [row] = await tx
      .insert(workspaces)
      .values({
        id: newId('workspace'),
        partnerId: ctx.partnerId,
        clientId: client.id,
        name: data.name,
        planId: offer.item.id,
        billingPeriod: data.billingPeriod,
        periodStart: period.start,
        periodEnd: period.end,
        autoRenew: data.autoRenew,
        usage: noUsage,
        ...effectsOf('active', null),
      })
      .returning();
    const price = offer.prices[data.billingPeriod];
    const [left, total] = [daysLeft(period, now), daysOf(period)];
    const charged = await chargeWorkspace(tx, ctx, {
      workspace: row!,
      kind: 'subscription',
      period,
      retail: prorate(price.retail, left, total),
      wholesale: prorate(price.wholesale, left, total),
      idempotencyKey: `workspace-subscription:${row!.id}`,
      memo: `${offer.item.name} plan, ${data.billingPeriod}, from ${period.key} (${left} of ${total} days)`,
      details: {
        plan_id: offer.item.id,
        plan_code: offer.item.code,
        billing_period: data.billingPeriod,
        days_left: left,
        days_in_period: total,
        list_retail: String(price.retail),
        list_wholesale: String(price.wholesale),
      },
    });
    await emitEvent(tx, ctx.partnerId, 'workspace.created', {
      ...workspacePayload(row!),
      ...(await workspaceEventFacts(tx, row!)),
      charged_retail: Number(charged.charge?.retail ?? 0n),
    });
    await recordAudit(tx, ctx, {
      partnerId: ctx.partnerId,
      action: 'workspace.created',
      targetType: 'workspace',
      targetId: row!.id,
      after: {
        ...workspacePayload(row!),
        charge_id: charged.charge?.setId ?? null,
      },
    });
    return row!.id;
  });
  return getWorkspace(ctx, id);
}

export const workspaceListFilters = z.object({
  clientId: z.string().trim().min(1).optional(),
  status: z.enum(workspaceStatus.enumValues, 'Choose active, paused or cancelled.').optional(),
});

/** The partner's workspaces, newest first, by client or status. */
export async function listWorkspaces(ctx: PartnerCtx, params: ListParams & { clientId?: unknown; status?: unknown }) {
  requirePartnerRole(ctx, 'member');
  const filters = parseInput(workspaceListFilters, {
    clientId: params.clientId,
    status: params.status,
  });
  const query = cursorQuery(params);
  const { where, orderBy } = cursorClauses(workspaces.id, query);
  const db = getDb();
  const rows = await db
    .select()
    .from(workspaces)
    .where(and(eq(workspaces.partnerId, ctx.partnerId), filters.clientId ? eq(workspaces.clientId, filters.clientId) : undefined, filters.status ? eq(workspaces.status, filters.status) : undefined, where))
    .orderBy(orderBy)
    .limit(query.take);
  const page = toPage(rows, query);
  return { data: await workspaceViews(db, page.data), has_more: page.has_more };
}

export async function getWorkspace(ctx: PartnerCtx, workspaceId: string) {
  requirePartnerRole(ctx, 'member');
  const db = getDb();
  const [view] = await workspaceViews(db, [await workspaceOf(db, ctx.partnerId, workspaceId)]);
  return view!;
}

export const updateWorkspaceSchema = z.object({
  name: z.string().trim().min(1, 'Give the workspace a name.').max(120, 'Use at most 120 characters.').optional(),
  autoRenew: flag.optional(),
});

/** Renames a workspace or turns auto-renew on or off (off: it drops to the free plan a few days after its period ends). */
export async function updateWorkspace(ctx: PartnerCtx, workspaceId: string, input: Untrusted<z.input<typeof updateWorkspaceSchema>>) {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(updateWorkspaceSchema, input);
  await getDb().transaction(async (tx) => {
    const row = await workspaceOf(tx, ctx.partnerId, workspaceId, true);
    if (row.status === 'cancelled') throw conflict('This workspace is cancelled.');
    const change = {
      ...(data.name !== undefined ? { name: data.name } : {}),
      ...(data.autoRenew !== undefined ? { autoRenew: data.autoRenew } : {}),
    };
    if (!Object.keys(change).length) return;
    await tx
      .update(workspaces)
      .set({ ...change, updatedAt: new Date() })
      .where(eq(workspaces.id, row.id));
    await recordAudit(tx, ctx, {
      partnerId: ctx.partnerId,
      action: data.autoRenew !== undefined && data.autoRenew !== row.autoRenew ? `workspace.auto_renew_${data.autoRenew ? 'enabled' : 'disabled'}` : 'workspace.updated',
      targetType: 'workspace',
      targetId: row.id,
      before: { name: row.name, auto_renew: row.autoRenew },
      after: {
        name: data.name ?? row.name,
        auto_renew: data.autoRenew ?? row.autoRenew,
      },
    });
  });
  return getWorkspace(ctx, workspaceId);
}

export const pauseWorkspaceSchema = z.object({
  reason: z.string().trim().min(1, 'Say why the workspace is paused.').max(500, 'Use at most 500 characters.'),
});

/** The partner pauses a workspace: it cannot be used and is not renewed until resumed. */
export async function pauseWorkspace(ctx: PartnerCtx, workspaceId: string, input: Untrusted<z.input<typeof pauseWorkspaceSchema>>) {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(pauseWorkspaceSchema, input);
  await getDb().transaction(async (tx) => {
    const row = await workspaceOf(tx, ctx.partnerId, workspaceId, true);
    if (row.status === 'cancelled') throw conflict('This workspace is cancelled.');
    if (row.status === 'paused' && row.pauseCode === 'manual') throw conflict('This workspace is paused already.');
    // A pause by the partner overrides an automatic one: it stops invoicing too.
    await pauseWorkspaceRow(tx, ctx, row, 'manual', data.reason);
  });
  return getWorkspace(ctx, workspaceId);
}

/**
 * The partner resumes a workspace it paused. One the platform paused resumes by itself when its cause is gone
 * (back within limits, the renewal paid), so resuming it by hand is refused with what is needed.
 */
export async function resumeWorkspace(ctx: PartnerCtx, workspaceId: string) {
  requirePartnerRole(ctx, 'admin');
  await getDb().transaction(async (tx) => {
    const row = await workspaceOf(tx, ctx.partnerId, workspaceId, true);
    if (row.status !== 'paused') throw conflict(row.status === 'cancelled' ? 'This workspace is cancelled.' : 'This workspace is not paused.');
    if (row.pauseCode === 'limit_exceeded') throw conflict(`${row.pauseReason ?? 'It is over its limits.'} It resumes by itself once within them: upgrade its plan, add add-ons or lower its usage.`);
    if (row.pauseCode === 'renewal_unpaid') throw conflict('Its renewal could not be paid. Top up the client’s wallet (and your prepaid balance): the renewal is retried and the workspace resumes by itself.');
    const resumed = await resumeWorkspaceRow(tx, ctx, row, 'partner');
    await applyLimits(tx, ctx, resumed);
  });
  return getWorkspace(ctx, workspaceId);
}

const count = (label: string) => z.coerce.number(`Give the ${label} as a whole number.`).int(`Give the ${label} as a whole number.`).min(0, `The ${label} cannot be negative.`).max(100_000_000, `The ${label} is too large.`);
export const reportUsageSchema = z.object({
  botUsers: count('bot users').optional(),
  members: count('members').optional(),
  bots: count('bots').optional(),
});

/** Records a workspace's current counts (bot users, members, bots); over its limits it pauses, back within them it resumes. */
export async function reportUsage(ctx: PartnerCtx, workspaceId: string, input: Untrusted<z.input<typeof reportUsageSchema>>) {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(reportUsageSchema, input);
  await getDb().transaction(async (tx) => {
    const row = await workspaceOf(tx, ctx.partnerId, workspaceId, true);
    const usage = {
      bot_users: data.botUsers ?? row.usage.bot_users,
      members: data.members ?? row.usage.members,
      bots: data.bots ?? row.usage.bots,
    };
    const [after] = await tx.update(workspaces).set({ usage, updatedAt: new Date() }).where(eq(workspaces.id, row.id)).returning();
    await applyLimits(tx, ctx, after!);
  });
  return getWorkspace(ctx, workspaceId);
}

export const cancelWorkspaceSchema = z.object({
  reason: z.string().trim().max(500).optional(),
});

/**
 * Cancels a workspace: it stops at once and is never renewed; its unused points go back to the partner's pool.
 * The client's last open workspace cancelled also announces `client.cancelled`.
 */
export async function cancelWorkspace(ctx: PartnerCtx, workspaceId: string, input: Untrusted<z.input<typeof cancelWorkspaceSchema>> = {}) {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(cancelWorkspaceSchema, input);
  await getDb().transaction(async (tx) => {
    const row = await workspaceOf(tx, ctx.partnerId, workspaceId, true);
    if (row.status === 'cancelled') throw conflict('This workspace is cancelled already.');
    const points = await returnPoints(tx, ctx, row, row.points, 'Returned when the workspace was cancelled');
    const now = new Date();
    const [after] = await tx
      .update(workspaces)
      .set({
        status: 'cancelled',
        cancelledAt: now,
        pendingPlanId: null,
        points: 0n,
        ...effectsOf('cancelled', null),
        updatedAt: now,
      })
      .where(eq(workspaces.id, row.id))
      .returning();
    await emitEvent(tx, ctx.partnerId, 'workspace.cancelled', {
      ...workspacePayload(after!),
      ...(await workspaceEventFacts(tx, after!)),
      reason: data.reason ?? null,
      points_returned: Number(points),
    });
    await recordAudit(tx, ctx, {
      partnerId: ctx.partnerId,
      action: 'workspace.cancelled',
      targetType: 'workspace',
      targetId: row.id,
      before: { status: row.status },
      after: {
        status: 'cancelled',
        reason: data.reason ?? null,
        points_returned: String(points),
      },
    });
    const [open] = await tx
      .select({ id: workspaces.id })
      .from(workspaces)
      .where(and(eq(workspaces.partnerId, ctx.partnerId), eq(workspaces.clientId, row.clientId), ne(workspaces.status, 'cancelled')))
      .limit(1);
    if (!open)
      await emitEvent(tx, ctx.partnerId, 'client.cancelled', {
        client_id: row.clientId,
        workspace_id: row.id,
        reason: data.reason ?? null,
      });
  });
  return getWorkspace(ctx, workspaceId);
}


export const billingInfoSchema = z.object({
  legalName: z.string().trim().min(1, 'Give the legal name invoices are addressed to.').max(200),
  gstin: z.union([z.literal('').transform(() => null), z.null(), z.string().transform((value, issue) => {
    // The same check as onboarding's: state code, PAN shape and the check character.
    const checked = validateGstin(value);
    if (checked.ok) return checked.value;
    issue.addIssue({ code: 'custom', message: checked.reason });
    return z.NEVER;
  })]).default(null),
  addressLine1: z.string().trim().min(1, 'Give the address.').max(200),
  addressLine2: z.union([z.literal('').transform(() => null), z.null(), z.string().trim().max(200)]).default(null),
  city: z.string().trim().min(1, 'Give the city.').max(100),
  state: z.string().trim().min(2, 'Give the state.').max(100),
  pincode: z
    .string()
    .trim()
    .regex(/^[1-9][0-9]{5}$/, 'Enter a six-digit PIN code.'),
  email: z.union([z.literal('').transform(() => null), z.null(), z.email('Enter a valid e-mail address.')]).default(null),
});

/** Sets who a workspace's invoices are addressed to (UChat: extra billing information). */
export async function setBillingInfo(ctx: PartnerCtx, workspaceId: string, input: Untrusted<z.input<typeof billingInfoSchema>>) {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(billingInfoSchema, input);
  return getDb().transaction(async (tx) => {
    const row = await workspaceOf(tx, ctx.partnerId, workspaceId, true);
    const [before] = await tx.select().from(workspaceBillingInfo).where(eq(workspaceBillingInfo.workspaceId, row.id));
    const values = { ...data, updatedAt: new Date() };
    const [saved] = await tx
      .insert(workspaceBillingInfo)
      .values({ workspaceId: row.id, partnerId: ctx.partnerId, ...values })
      .onConflictDoUpdate({
        target: workspaceBillingInfo.workspaceId,
        set: values,
      })
      .returning();
    await recordAudit(tx, ctx, {
      partnerId: ctx.partnerId,
      action: 'workspace.billing_info_set',
      targetType: 'workspace',
      targetId: row.id,
      before: before
        ? {
            legal_name: before.legalName,
            gstin: before.gstin,
            state: before.state,
          }
        : null,
      after: {
        legal_name: data.legalName,
        gstin: data.gstin,
        state: data.state,
      },
    });
    return saved!;
  });
}

/**
 * A workspace's billing information, or null when none was given (invoice the client as it is on record).
 * For invoices: read it with the workspace id a charge names (`ledger_transfers.object_id`, `workspace_charges.workspace_id`).
 */
export async function billingInfoOf(partnerId: string, workspaceId: string) {
  const [row] = await getDb()
    .select()
    .from(workspaceBillingInfo)
    .where(and(eq(workspaceBillingInfo.workspaceId, workspaceId), eq(workspaceBillingInfo.partnerId, partnerId)));
  return row ?? null;
}

/** A workspace's charges, newest first. */
export async function workspaceChargesOf(ctx: PartnerCtx, workspaceId: string) {
  requirePartnerRole(ctx, 'member');
  const row = await workspaceOf(getDb(), ctx.partnerId, workspaceId);
  return getDb()
    .select()
    .from(workspaceCharges)
    .where(and(eq(workspaceCharges.partnerId, ctx.partnerId), eq(workspaceCharges.workspaceId, row.id)))
    .orderBy(desc(workspaceCharges.createdAt))
    .limit(100);
}

export type { Workspace };
