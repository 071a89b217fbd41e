import { sql } from 'drizzle-orm';
import { boolean, customType, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { searchText } from '@/lib/search/search-text';
import { createdAt, idColumn, updatedAt } from './columns';

export const partnerTier = pgEnum('partner_tier', ['standard', 'premium', 'enterprise']);
export const partnerStatus = pgEnum('partner_status', ['active', 'suspended']);
export const partnerKind = pgEnum('partner_kind', ['live', 'sandbox']);

export const partners = pgTable(
  'partners',
  {
    id: idColumn('partner'),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    tier: partnerTier('tier').notNull().default('standard'),
    status: partnerStatus('status').notNull().default('active'),
    kind: partnerKind('kind').notNull().default('live'),
    /** A sandbox points at the live partner it mirrors. */
    parentId: text('parent_id').references((): AnyPgColumn => partners.id, { onDelete: 'cascade' }),
    suspendedReason: text('suspended_reason'),
    /** Operator override of the tier's API requests per hour; null means the tier's default. */
    rateLimitPerHour: integer('rate_limit_per_hour'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('partners_slug_key').on(t.slug),
    index('partners_parent_idx').on(t.parentId),
    index('partners_search_idx').using('gin', sql`${searchText(t.name, t.slug)} gin_trgm_ops`),
  ],
);

export const hostnameStatus = pgEnum('hostname_status', ['pending', 'verified', 'failed']);

/**
 * Custom domains a partner brings. The platform subdomain (`<slug>.<PLATFORM_DOMAIN>`) is derived from the
 * slug rather than stored, so that changing PLATFORM_DOMAIN can never leave stale rows behind.
 */
export const partnerHostnames = pgTable(
  'partner_hostnames',
  {
    id: idColumn('hostname'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    hostname: text('hostname').notNull(),
    status: hostnameStatus('status').notNull().default('pending'),
    verificationToken: text('verification_token').notNull(),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    failureReason: text('failure_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('partner_hostnames_partner_hostname_key').on(t.partnerId, t.hostname),
    // Anyone may claim a domain, but only one partner can prove it: a pending claim blocks nobody.
    uniqueIndex('partner_hostnames_verified_key').on(t.hostname).where(sql`${t.status} = 'verified'`),
  ],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

export const partnerBranding = pgTable('partner_branding', {
  partnerId: text('partner_id')
    .primaryKey()
    .references(() => partners.id, { onDelete: 'cascade' }),
  productName: text('product_name').notNull(),
  primaryColor: text('primary_color').notNull().default('#4f46e5'),
  secondaryColor: text('secondary_color').notNull().default('#0f172a'),
  supportEmail: text('support_email'),
  /** Logos are small (size-limited on upload) and kept in the database so every app instance can serve them. */
  logo: bytea('logo'),
  logoContentType: text('logo_content_type'),
  logoSha256: text('logo_sha256'),
  logoBytes: integer('logo_bytes'),
  updatedAt: updatedAt(),
});

export const partnerRole = pgEnum('partner_role', ['owner', 'admin', 'member']);

export const partnerUsers = pgTable(
  'partner_users',
  {
    id: idColumn('partnerUser'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: partnerRole('role').notNull().default('member'),
    /** Null until an invited user accepts and chooses a password. */
    passwordHash: text('password_hash'),
    inviteTokenHash: text('invite_token_hash'),
    inviteExpiresAt: timestamp('invite_expires_at', { withTimezone: true }),
    /** Set when someone else chose the password (a temporary one): it must be changed at the next sign-in. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('partner_users_partner_email_key').on(t.partnerId, t.email),
    uniqueIndex('partner_users_invite_token_key').on(t.inviteTokenHash).where(sql`${t.inviteTokenHash} is not null`),
  ],
);

/** Failed sign-ins per account and per IP, shared by every app instance (see lib/auth/login-throttle.ts). */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

export type Partner = typeof partners.$inferSelect;
export type PartnerHostname = typeof partnerHostnames.$inferSelect;
export type PartnerBranding = typeof partnerBranding.$inferSelect;
export type PartnerUser = typeof partnerUsers.$inferSelect;
export type PartnerRole = (typeof partnerRole.enumValues)[number];
export type PartnerTier = (typeof partnerTier.enumValues)[number];

/**
 * A sandbox's test clock: the time its periodic work (renewals, validity, monthly invoices) has been run up to,
 * as Stripe's test clocks do. A table of its own rather than a column on partners: live partners never have
 * one, and a sandbox reset (which empties every table with a partner id except a kept few, partners among
 * them) takes the clock back to real time with the data it was advanced over. No row: the clock is real now.
 */
export const sandboxClocks = pgTable('sandbox_clocks', {
  partnerId: text('partner_id')
    .primaryKey()
    .references(() => partners.id, { onDelete: 'cascade' }),
  /** The clock's time; it reads as real now once real time has caught up with it. */
  frozenAt: timestamp('frozen_at', { withTimezone: true }).notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export type SandboxClock = typeof sandboxClocks.$inferSelect;
