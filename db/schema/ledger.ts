import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { actorType } from './audit';
import { clients } from './clients';
import { createdAt, idColumn, updatedAt } from './columns';
import { partners } from './partners';

/** INR in paise, points and days: an account holds exactly one. */
export const ledgerUnit = pgEnum('ledger_unit', ['inr', 'points', 'days']);

/**
 * What an account is for. Every account belongs to one partner's book (a live partner or its sandbox), so a
 * sandbox's money never meets a live partner's, and the operator's side is kept per partner (no single hot
 * operator row every charge in the platform would queue on).
 */
export const ledgerAccountKind = pgEnum('ledger_account_kind', [
  // The operator's side of this partner's book.
  'operator_revenue', // what the partner paid at wholesale
  'operator_funding', // where money the operator receives (a bank payment) and days/points it issues come from
  // The partner's side.
  'partner_prepaid', // INR the partner has prepaid to the operator
  'partner_days',
  'partner_points',
  'partner_revenue', // what the partner's clients paid at retail
  'partner_funding', // where credits a partner gives its clients come from (collected outside the platform)
  // A client's side.
  'client_wallet',
  'client_days',
  'client_points',
  // Days a client's WhatsApp channels hold (each channel's share is on its row).
  'channel_days',
  // Points a client's workspaces hold (each workspace's share is on its row).
  'workspace_points',
]);

export const ledgerTransferKind = pgEnum('ledger_transfer_kind', ['top_up', 'charge', 'refund', 'purchase', 'allocation', 'reclaim', 'adjustment', 'expiry']);

/** `pending` holds money; a later `posted` or `voided` row (pointing at it) resolves it, once. */
export const ledgerTransferStatus = pgEnum('ledger_transfer_status', ['posted', 'pending', 'voided']);

export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    id: idColumn('ledgerAccount'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    clientId: text('client_id').references(() => clients.id, { onDelete: 'cascade' }),
    kind: ledgerAccountKind('kind').notNull(),
    unit: ledgerUnit('unit').notNull(),
    /** Posted balance: the sum of this account's entries. */
    balance: bigint('balance', { mode: 'bigint' }).notNull().default(sql`0`),
    /** Reserved by pending transfers that debit this account; available = balance − held. */
    held: bigint('held', { mode: 'bigint' }).notNull().default(sql`0`),
    /** The lowest `balance − held` may go; null for accounts that stand for the outside world. */
    minBalance: bigint('min_balance', { mode: 'bigint' }).default(sql`0`),
    /** How many entries this account has; each entry records the version it made. */
    version: bigint('version', { mode: 'bigint' }).notNull().default(sql`0`),
    /** Below this, a `wallet.low_balance` / `partner.balance_low` event is raised once per crossing. */
    lowBalanceThreshold: bigint('low_balance_threshold', { mode: 'bigint' }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('ledger_accounts_owner_key').on(t.partnerId, t.kind, t.unit, t.clientId).nullsNotDistinct(),
    index('ledger_accounts_client_idx').on(t.clientId),
    check('ledger_accounts_floor', sql`${t.minBalance} is null or ${t.balance} - ${t.held} >= ${t.minBalance}`),
    check('ledger_accounts_held_nonnegative', sql`${t.held} >= 0`),
  ],
);

/**
 * One request to the ledger: the transfers that belong together (a charge and its wholesale leg) post as one
 * set or not at all. The idempotency key is unique per partner; the digest of the request it came with tells a
 * retry (replayed) from a different request reusing the key (refused).
 */
export const ledgerSets = pgTable(
  'ledger_sets',
  {
    id: idColumn('ledgerSet'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    kind: ledgerTransferKind('kind').notNull(),
    idempotencyKey: text('idempotency_key'),
    requestDigest: text('request_digest'),
    actorType: actorType('actor_type').notNull(),
    actorId: text('actor_id'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('ledger_sets_partner_key').on(t.partnerId, t.idempotencyKey).where(sql`${t.idempotencyKey} is not null`)],
);

export const ledgerTransfers = pgTable(
  'ledger_transfers',
  {
    id: idColumn('ledgerTransfer'),
    setId: text('set_id')
      .notNull()
      .references(() => ledgerSets.id, { onDelete: 'cascade' }),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    unit: ledgerUnit('unit').notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    debitAccountId: text('debit_account_id')
      .notNull()
      .references(() => ledgerAccounts.id, { onDelete: 'cascade' }),
    creditAccountId: text('credit_account_id')
      .notNull()
      .references(() => ledgerAccounts.id, { onDelete: 'cascade' }),
    kind: ledgerTransferKind('kind').notNull(),
    status: ledgerTransferStatus('status').notNull().default('posted'),
    /** For a post or void: the pending transfer it resolves (at most once, by the unique index). */
    pendingId: text('pending_id'),
    /** A pending transfer's timeout: after it, it can only be voided. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    /** For a refund: the transfer it reverses (at most once). */
    reversesId: text('reverses_id'),
    /** The client the transfer concerns, if any (its wallet statement and the commission report filter on it). */
    clientId: text('client_id'),
    /** What it pays for: the product (price book code) and the object, e.g. a number's id. */
    product: text('product'),
    objectId: text('object_id'),
    memo: text('memo'),
    /** An outside reference, such as a bank UTR for a payment received. */
    reference: text('reference'),
    /** E.g. the rate of a conversion (`{ "rate": { "unit": "days", "paise_each": 1500 } }`). */
    metadata: jsonb('metadata'),
    actorType: actorType('actor_type').notNull(),
    actorId: text('actor_id'),
    createdAt: createdAt(),
  },
  (t) => [
    check('ledger_transfers_amount_positive', sql`${t.amount} > 0`),
    check('ledger_transfers_two_accounts', sql`${t.debitAccountId} <> ${t.creditAccountId}`),
    uniqueIndex('ledger_transfers_pending_key').on(t.pendingId).where(sql`${t.pendingId} is not null`),
    uniqueIndex('ledger_transfers_reverses_key').on(t.reversesId).where(sql`${t.reversesId} is not null`),
    index('ledger_transfers_set_idx').on(t.setId),
    index('ledger_transfers_partner_idx').on(t.partnerId, t.id),
    index('ledger_transfers_partner_kind_idx').on(t.partnerId, t.kind, t.id),
    // The operator's transfers list filtered by date, for one partner or all.
    index('ledger_transfers_partner_created_idx').on(t.partnerId, t.createdAt, t.id),
    index('ledger_transfers_created_idx').on(t.createdAt, t.id),
    index('ledger_transfers_open_holds_idx').on(t.expiresAt).where(sql`${t.status} = 'pending'`),
  ],
);

/**
 * One line of an account's statement per posted transfer leg: signed amount, the balance after it, and the
 * account version it made (unique per account, so two writers can never both claim one step).
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: idColumn('ledgerEntry'),
    partnerId: text('partner_id').notNull(),
    accountId: text('account_id')
      .notNull()
      .references(() => ledgerAccounts.id, { onDelete: 'cascade' }),
    transferId: text('transfer_id')
      .notNull()
      .references(() => ledgerTransfers.id, { onDelete: 'cascade' }),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    balanceAfter: bigint('balance_after', { mode: 'bigint' }).notNull(),
    accountVersion: bigint('account_version', { mode: 'bigint' }).notNull(),
    kind: ledgerTransferKind('kind').notNull(),
    objectId: text('object_id'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('ledger_entries_account_version_key').on(t.accountId, t.accountVersion),
    uniqueIndex('ledger_entries_transfer_account_key').on(t.transferId, t.accountId),
    // A statement is one account's entries, newest first, optionally of one kind or for one object.
    index('ledger_entries_statement_idx').on(t.partnerId, t.accountId, t.id),
    index('ledger_entries_statement_kind_idx').on(t.partnerId, t.accountId, t.kind, t.id),
    index('ledger_entries_statement_object_idx').on(t.partnerId, t.accountId, t.objectId, t.id),
  ],
);

/** The partner's margin on each charge (retail − wholesale), and its reversal on a refund (negative). */
export const commissions = pgTable(
  'commissions',
  {
    id: idColumn('commission'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    clientId: text('client_id').notNull(),
    setId: text('set_id')
      .notNull()
      .references(() => ledgerSets.id, { onDelete: 'cascade' }),
    product: text('product').notNull(),
    objectId: text('object_id'),
    retail: bigint('retail', { mode: 'bigint' }).notNull(),
    wholesale: bigint('wholesale', { mode: 'bigint' }).notNull(),
    commission: bigint('commission', { mode: 'bigint' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check('commissions_margin', sql`${t.commission} = ${t.retail} - ${t.wholesale}`),
    index('commissions_partner_idx').on(t.partnerId, t.createdAt, t.id),
    index('commissions_partner_client_idx').on(t.partnerId, t.clientId, t.createdAt, t.id),
  ],
);

/** A client's validity: past `valid_till` the worker suspends its services, and an extension resumes them. */
export const clientValidity = pgTable(
  'client_validity',
  {
    clientId: text('client_id')
      .primaryKey()
      .references(() => clients.id, { onDelete: 'cascade' }),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    validTill: timestamp('valid_till', { withTimezone: true }),
    /** Set by the worker when validity ran out; cleared when it is extended. */
    expiredAt: timestamp('expired_at', { withTimezone: true }),
    /** The end of validity the client was warned about ahead of time, so each end is warned about once. */
    expiryWarnedFor: timestamp('expiry_warned_for', { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [index('client_validity_due_idx').on(t.validTill).where(sql`${t.expiredAt} is null`)],
);

/** Each run of the reconciliation, so the operator console can show the last one and its findings. */
export const ledgerVerifications = pgTable('ledger_verifications', {
  id: idColumn('ledgerVerification'),
  ok: boolean('ok').notNull(),
  accounts: integer('accounts').notNull(),
  transfers: integer('transfers').notNull(),
  problems: jsonb('problems').notNull(),
  durationMs: integer('duration_ms').notNull(),
  createdAt: createdAt(),
});

/** Something the operator must look at (a failed reconciliation); shown in the operator console until resolved. */
export const operatorAlerts = pgTable(
  'operator_alerts',
  {
    id: idColumn('operatorAlert'),
    kind: text('kind').notNull(),
    message: text('message').notNull(),
    details: jsonb('details'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('operator_alerts_open_idx').on(t.createdAt).where(sql`${t.resolvedAt} is null`)],
);

export type LedgerAccount = typeof ledgerAccounts.$inferSelect;
export type LedgerTransfer = typeof ledgerTransfers.$inferSelect;
export type LedgerEntry = typeof ledgerEntries.$inferSelect;
export type LedgerUnit = (typeof ledgerUnit.enumValues)[number];
export type LedgerAccountKind = (typeof ledgerAccountKind.enumValues)[number];
export type LedgerTransferKind = (typeof ledgerTransferKind.enumValues)[number];
