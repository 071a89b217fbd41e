import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { createdAt, idColumn, updatedAt } from './columns';
import { ledgerSets } from './ledger';
import { partners } from './partners';

/** What a plan allows and an add-on adds: counts of bot users (contacts), members and bots. */
export type PlanLimits = { bot_users: number; members: number; bots: number };

export const billingPeriod = pgEnum('billing_period', ['monthly', 'yearly']);

/**
 * A plan the operator sells for the chat-bot product (Free, Pro, Business): its limits and list price per
 * billing period in paise. `rank` orders plans from smallest to largest, so a change of plan can tell an
 * upgrade (applied at once) from a downgrade (applied at the period's end). The free plan is where a
 * workspace falls when it is not renewed.
 */
export const plans = pgTable(
  'plans',
  {
    id: idColumn('plan'),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    limits: jsonb('limits').$type<PlanLimits>().notNull(),
    rank: integer('rank').notNull().default(0),
    isFree: boolean('is_free').notNull().default(false),
    monthlyList: bigint('monthly_list', { mode: 'bigint' }).notNull(),
    yearlyList: bigint('yearly_list', { mode: 'bigint' }).notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('plans_code_key').on(t.code),
    // At most one free plan: the one workspaces drop to.
    uniqueIndex('plans_one_free_key')
      .on(t.isFree)
      .where(sql`${t.isFree}`),
    check('plans_prices_nonnegative', sql`${t.monthlyList} >= 0 and ${t.yearlyList} >= 0`),
  ],
);

/** An add-on: what one unit adds to a workspace's limits, and its list price per unit and billing period. */
export const planAddons = pgTable(
  'plan_addons',
  {
    id: idColumn('planAddon'),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    adds: jsonb('adds').$type<PlanLimits>().notNull(),
    monthlyList: bigint('monthly_list', { mode: 'bigint' }).notNull(),
    yearlyList: bigint('yearly_list', { mode: 'bigint' }).notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('plan_addons_code_key').on(t.code), check('plan_addons_prices_nonnegative', sql`${t.monthlyList} >= 0 and ${t.yearlyList} >= 0`)],
);

/**
 * Which plans and add-ons a partner offers its clients and at what retail price (null: the list price). An
 * item without a row is not offered (except the free plan, which every partner offers).
 */
export const partnerPlanOffers = pgTable(
  'partner_plan_offers',
  {
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    /** A plan's or an add-on's id (their prefixes tell them apart). */
    itemId: text('item_id').notNull(),
    offered: boolean('offered').notNull().default(true),
    monthlyRetail: bigint('monthly_retail', { mode: 'bigint' }),
    yearlyRetail: bigint('yearly_retail', { mode: 'bigint' }),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.itemId] }), check('partner_plan_offers_nonnegative', sql`coalesce(${t.monthlyRetail}, 0) >= 0 and coalesce(${t.yearlyRetail}, 0) >= 0`)],
);

export const workspaceStatus = pgEnum('workspace_status', ['active', 'paused', 'cancelled']);

/** Why a workspace is paused: by its partner, or by the platform (and then undone by it when the cause is gone). */
export const workspacePauseCode = pgEnum('workspace_pause_code', ['manual', 'limit_exceeded', 'renewal_unpaid']);

/**
 * A client's workspace (UChat's unit): its plan and billing period (IST months, lib/periods), auto-renew, its
 * points (its share of the client's `workspace_points` ledger account), the usage its limits are checked
 * against, and its status. The status's three effects are kept as columns so every reader agrees on them:
 * `entitled` (can it be used), `invoicing` (are its periods renewed and charged), `collecting` (are failed
 * renewals retried).
 */
export const workspaces = pgTable(
  'workspaces',
  {
    id: idColumn('workspace'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id),
    /** A downgrade waiting for the period's end. */
    pendingPlanId: text('pending_plan_id').references(() => plans.id),
    billingPeriod: billingPeriod('billing_period').notNull().default('monthly'),
    periodStart: timestamp('period_start', { withTimezone: true }).notNull(),
    periodEnd: timestamp('period_end', { withTimezone: true }).notNull(),
    autoRenew: boolean('auto_renew').notNull().default(true),
    status: workspaceStatus('status').notNull().default('active'),
    pauseCode: workspacePauseCode('pause_code'),
    pauseReason: text('pause_reason'),
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    entitled: boolean('entitled').notNull().default(true),
    invoicing: boolean('invoicing').notNull().default(true),
    collecting: boolean('collecting').notNull().default(true),
    points: bigint('points', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    usage: jsonb('usage').$type<PlanLimits>().notNull().default({ bot_users: 0, members: 0, bots: 0 }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('workspaces_points_nonnegative', sql`${t.points} >= 0`),
    index('workspaces_partner_idx').on(t.partnerId, t.id),
    index('workspaces_partner_client_idx').on(t.partnerId, t.clientId, t.id),
    index('workspaces_partner_status_idx').on(t.partnerId, t.status, t.id),
    // The worker's renewal sweep: workspaces whose period has ended.
    index('workspaces_due_idx')
      .on(t.periodEnd)
      .where(sql`${t.status} <> 'cancelled'`),
  ],
);

/** A workspace's add-ons: how many units now, and how many from the period's end (a removal waits for it). */
export const workspaceAddons = pgTable(
  'workspace_addons',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    addonId: text('addon_id')
      .notNull()
      .references(() => planAddons.id),
    quantity: integer('quantity').notNull(),
    pendingQuantity: integer('pending_quantity'),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.addonId] }), check('workspace_addons_quantity', sql`${t.quantity} >= 0 and coalesce(${t.pendingQuantity}, 0) >= 0`)],
);

/** Who a workspace's invoices are addressed to, when not the client itself (UChat: extra billing information). */
export const workspaceBillingInfo = pgTable('workspace_billing_info', {
  workspaceId: text('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  partnerId: text('partner_id')
    .notNull()
    .references(() => partners.id, { onDelete: 'cascade' }),
  legalName: text('legal_name').notNull(),
  gstin: text('gstin'),
  addressLine1: text('address_line1').notNull(),
  addressLine2: text('address_line2'),
  city: text('city').notNull(),
  /** The state's name (place of supply for an unregistered recipient). */
  state: text('state').notNull(),
  pincode: text('pincode').notNull(),
  email: text('email'),
  updatedAt: updatedAt(),
});

export const workspaceChargeKind = pgEnum('workspace_charge_kind', ['subscription', 'renewal', 'upgrade', 'addon']);

/**
 * Every charge for a workspace's plan or add-ons, pointing at the ledger set that paid it: a renewal at most once
 * per (workspace, period), by the unique index, written in the charge's own transaction.
 */
export const workspaceCharges = pgTable(
  'workspace_charges',
  {
    id: idColumn('workspaceCharge'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    clientId: text('client_id').notNull(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    kind: workspaceChargeKind('kind').notNull(),
    /** The IST month key (`2026-12`) the charged period starts in. */
    period: text('period').notNull(),
    periodStart: timestamp('period_start', { withTimezone: true }).notNull(),
    periodEnd: timestamp('period_end', { withTimezone: true }).notNull(),
    setId: text('set_id').references(() => ledgerSets.id, {
      onDelete: 'cascade',
    }),
    retail: bigint('retail', { mode: 'bigint' }).notNull(),
    wholesale: bigint('wholesale', { mode: 'bigint' }).notNull(),
    /** What was charged for: plan, add-ons, proration. */
    details: jsonb('details').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('workspace_charges_renewal_once')
      .on(t.workspaceId, t.period)
      .where(sql`${t.kind} = 'renewal'`),
    index('workspace_charges_workspace_idx').on(t.partnerId, t.workspaceId, t.createdAt),
    index('workspace_charges_partner_idx').on(t.partnerId, t.createdAt),
  ],
);

export type Plan = typeof plans.$inferSelect;
export type PlanAddon = typeof planAddons.$inferSelect;
export type Workspace = typeof workspaces.$inferSelect;
export type WorkspaceAddon = typeof workspaceAddons.$inferSelect;
export type WorkspaceBillingInfo = typeof workspaceBillingInfo.$inferSelect;
export type WorkspaceCharge = typeof workspaceCharges.$inferSelect;
export type BillingPeriod = (typeof billingPeriod.enumValues)[number];
export type WorkspacePauseCode = (typeof workspacePauseCode.enumValues)[number];
