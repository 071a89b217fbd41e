import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { actorType } from './audit';
import { clients } from './clients';
import { createdAt, idColumn, updatedAt } from './columns';
import { ledgerSets } from './ledger';
import { partners } from './partners';

/**
 * Which inventory a number belongs to. Sandboxes buy from the simulator's inventory, never from the live one,
 * so trying things out can never take a number a live partner could have bought.
 */
export const numberEnvironment = pgEnum('number_environment', ['live', 'sandbox']);

/** What the number is, as carriers sell them: a landline (local) number, a mobile number, or toll-free. */
export const numberType = pgEnum('number_type', ['local', 'mobile', 'toll_free']);

/**
 * A number's life: `available` → `held` (by one partner, for ten minutes) → `assigned` (to a client) →
 * `quarantined` (released; only the same client may recall it until `reusable_after`) → `available`.
 * `withdrawn`: the carrier no longer offers it (another buyer rented it outside the platform); never offered again.
 */
export const numberStatus = pgEnum('number_status', ['available', 'held', 'assigned', 'quarantined', 'withdrawn']);

/**
 * One number in the inventory: the carrier's number and where it is in its life. The inventory is shared by
 * every partner of an environment (a carrier sells a number once), so the holder columns say whose it is now;
 * a partner sees available numbers and its own, and any other partner's number is a 404.
 */
export const numbers = pgTable(
  'numbers',
  {
    id: idColumn('number'),
    environment: numberEnvironment('environment').notNull(),
    /** The carrier that sells it: `simulator` or `plivo`. */
    carrier: text('carrier').notNull(),
    /** The carrier's own reference for the number once provisioned (Plivo answers with the number itself). */
    carrierRef: text('carrier_ref'),
    /** E.164 with the plus, e.g. `+911143104501`. */
    e164: text('e164').notNull(),
    /** The national significant number, digits only (`1143104501`): the three pattern modes search this. */
    digits: text('digits').notNull(),
    /** ISO 3166-1 alpha-2, e.g. `IN`. */
    country: text('country').notNull(),
    /** The region code: for India, the telecom circle (`DL`, `MU`, `KA`, …). */
    region: text('region').notNull(),
    type: numberType('type').notNull(),
    status: numberStatus('status').notNull().default('available'),
    /** The partner that holds, owns or last released it; null while available. */
    partnerId: text('partner_id').references(() => partners.id, { onDelete: 'set null' }),
    /** The client it is assigned to, or was assigned to while quarantined (the one that may recall it). */
    clientId: text('client_id').references(() => clients.id, { onDelete: 'set null' }),
    /** While held: when the hold lapses (an expired hold counts as available). */
    holdExpiresAt: timestamp('hold_expires_at', { withTimezone: true }),
    /** While quarantined: when it goes back to the inventory. */
    reusableAfter: timestamp('reusable_after', { withTimezone: true }),
    /** A client's number in its masking pool: masking sessions may bridge calls over it. Cleared on release. */
    masking: boolean('masking').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('numbers_environment_e164_key').on(t.environment, t.e164),
    // Search: each pattern mode is an index walk over available numbers that stops at the page size.
    // Starts with, and every search that pages in number order: a b-tree over the digits in the "C" collation
    // serves `digits LIKE '98%'` (as text_pattern_ops would) and also the `ORDER BY digits COLLATE "C"` search
    // pages by, so a browse by type alone or a two-digit "contains" walks it and stops at a page (a
    // text_pattern_ops index cannot give an order, which left those cases a sort of every available number).
    index('numbers_search_prefix_idx').on(t.environment, t.country, sql`(${t.digits} collate "C")`).where(sql`${t.status} = 'available'`),
    // Ends with: the same b-tree over the reversed digits turns a suffix into a prefix.
    index('numbers_search_suffix_idx').on(t.environment, t.country, sql`reverse(${t.digits}) text_pattern_ops`).where(sql`${t.status} = 'available'`),
    // Contains: trigrams (pg_trgm, migration 0006) for `digits LIKE '%4310%'`.
    index('numbers_search_contains_idx').using('gin', t.digits.op('gin_trgm_ops')).where(sql`${t.status} = 'available'`),
    // Browsing a region (any type, or one) without a pattern: walked in number order, stopping at a page.
    index('numbers_search_region_idx').on(t.environment, t.country, t.region, sql`(${t.digits} collate "C")`).where(sql`${t.status} = 'available'`),
    // A partner's numbers and a client's numbers, newest first, optionally by status.
    index('numbers_partner_idx').on(t.partnerId, t.status, t.id),
    index('numbers_partner_client_idx').on(t.partnerId, t.clientId, t.id),
    // A client's masking pool.
    index('numbers_masking_pool_idx').on(t.partnerId, t.clientId, t.id).where(sql`${t.masking} and ${t.status} = 'assigned'`),
    // The worker's sweeps: lapsed holds and ended quarantines.
    index('numbers_hold_expiry_idx').on(t.holdExpiresAt).where(sql`${t.status} = 'held'`),
    index('numbers_quarantine_idx').on(t.reusableAfter).where(sql`${t.status} = 'quarantined'`),
    check('numbers_holder', sql`${t.status} in ('available', 'withdrawn') or ${t.partnerId} is not null`),
    check('numbers_assigned_client', sql`${t.status} not in ('assigned', 'quarantined') or ${t.clientId} is not null`),
    check('numbers_masking_assigned', sql`not ${t.masking} or ${t.status} = 'assigned'`),
  ],
);

export const numberHoldStatus = pgEnum('number_hold_status', ['active', 'purchased', 'released', 'expired']);

/** A ten-minute reservation between search and purchase; the history of who held a number, and when. */
export const numberHolds = pgTable(
  'number_holds',
  {
    id: idColumn('numberHold'),
    numberId: text('number_id')
      .notNull()
      .references(() => numbers.id, { onDelete: 'cascade' }),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    /** The client it is held for, when the partner said so (a purchase names the client anyway). */
    clientId: text('client_id').references(() => clients.id, { onDelete: 'cascade' }),
    status: numberHoldStatus('status').notNull().default('active'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    actorType: actorType('actor_type').notNull(),
    actorId: text('actor_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // At most one live hold per number, whoever holds it.
    uniqueIndex('number_holds_active_key').on(t.numberId).where(sql`${t.status} = 'active'`),
    index('number_holds_partner_idx').on(t.partnerId, t.status, t.id),
    index('number_holds_number_idx').on(t.numberId, t.id),
  ],
);

/**
 * `provisioning` while the carrier is still working (a slow provisioning; the ledger hold stays open),
 * `active`, `suspended` (rental unpaid past its grace period; calls stop), `released` (its tenure ended).
 */
export const numberAssignmentStatus = pgEnum('number_assignment_status', ['provisioning', 'active', 'suspended', 'released']);

/** One tenure of a number with a client: the assignment history. A recall reopens the released tenure. */
export const numberAssignments = pgTable(
  'number_assignments',
  {
    id: idColumn('numberAssignment'),
    numberId: text('number_id')
      .notNull()
      .references(() => numbers.id, { onDelete: 'cascade' }),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    status: numberAssignmentStatus('status').notNull(),
    /** The price book products its setup and monthly rental are charged at. */
    setupProduct: text('setup_product').notNull(),
    rentalProduct: text('rental_product').notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
    /** The first IST billing period not yet paid for (`YYYY-MM`): the worker renews from here. */
    paidThrough: text('paid_through'),
    /** Set when a renewal could not be paid; the number is suspended when it passes. */
    graceEndsAt: timestamp('grace_ends_at', { withTimezone: true }),
    suspendedAt: timestamp('suspended_at', { withTimezone: true }),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    /** `client` (the partner or client released it), `unpaid` (suspended too long), `provisioning_failed`. */
    releaseReason: text('release_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // A number has at most one open tenure.
    uniqueIndex('number_assignments_open_key').on(t.numberId).where(sql`${t.status} <> 'released'`),
    index('number_assignments_partner_client_idx').on(t.partnerId, t.clientId, t.id),
    index('number_assignments_number_idx').on(t.numberId, t.id),
    // The worker's renewal and suspension sweeps.
    index('number_assignments_renewal_idx').on(t.paidThrough, t.id).where(sql`${t.status} in ('active', 'suspended')`),
    index('number_assignments_grace_idx').on(t.graceEndsAt).where(sql`${t.graceEndsAt} is not null and ${t.status} <> 'released'`),
  ],
);

export const numberPurchaseStatus = pgEnum('number_purchase_status', ['provisioning', 'completed', 'failed']);

/**
 * One purchase: the idempotent record of "this client buys this number". The same idempotency key answers
 * with the same purchase; the ledger hold (setup + first month on the wallet, wholesale on the partner's
 * balance) is posted when the carrier provisions the number and voided when it fails.
 */
export const numberPurchases = pgTable(
  'number_purchases',
  {
    id: idColumn('numberPurchase'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    numberId: text('number_id')
      .notNull()
      .references(() => numbers.id, { onDelete: 'cascade' }),
    assignmentId: text('assignment_id').references(() => numberAssignments.id, { onDelete: 'set null' }),
    idempotencyKey: text('idempotency_key'),
    /** A digest of what was asked, so a key reused for a different purchase is refused, not replayed. */
    requestDigest: text('request_digest'),
    status: numberPurchaseStatus('status').notNull(),
    /** The ledger hold (a pending set) that is posted or voided. */
    ledgerSetId: text('ledger_set_id').references(() => ledgerSets.id, { onDelete: 'set null' }),
    setupRetail: bigint('setup_retail', { mode: 'bigint' }).notNull(),
    monthlyRetail: bigint('monthly_retail', { mode: 'bigint' }).notNull(),
    failureCode: text('failure_code'),
    failureReason: text('failure_reason'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    actorType: actorType('actor_type').notNull(),
    actorId: text('actor_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('number_purchases_partner_key').on(t.partnerId, t.idempotencyKey).where(sql`${t.idempotencyKey} is not null`),
    index('number_purchases_partner_idx').on(t.partnerId, t.id),
    index('number_purchases_partner_client_idx').on(t.partnerId, t.clientId, t.id),
    // Slow provisionings the worker asks the carrier about again.
    index('number_purchases_provisioning_idx').on(t.createdAt).where(sql`${t.status} = 'provisioning'`),
    check('number_purchases_amounts', sql`${t.setupRetail} >= 0 and ${t.monthlyRetail} >= 0`),
  ],
);

/** Per partner: how long a released number stays in quarantine, and the grace period of an unpaid rental. */
export const numberSettings = pgTable('number_settings', {
  partnerId: text('partner_id')
    .primaryKey()
    .references(() => partners.id, { onDelete: 'cascade' }),
  quarantineDays: bigint('quarantine_days', { mode: 'number' }).notNull().default(30),
  graceDays: bigint('grace_days', { mode: 'number' }).notNull().default(7),
  /** Suspended this many days without payment, a number is released. */
  suspendedDays: bigint('suspended_days', { mode: 'number' }).notNull().default(15),
  updatedAt: updatedAt(),
});

export type NumberRow = typeof numbers.$inferSelect;
export type NumberHold = typeof numberHolds.$inferSelect;
export type NumberAssignment = typeof numberAssignments.$inferSelect;
export type NumberPurchase = typeof numberPurchases.$inferSelect;
export type NumberType = (typeof numberType.enumValues)[number];
export type NumberStatus = (typeof numberStatus.enumValues)[number];
export type NumberEnvironment = (typeof numberEnvironment.enumValues)[number];
