import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from './columns';

/** Who a session or a reset link belongs to: which of the three account tables `accountId` is a row of. */
export type AccountAudience = 'operator' | 'partner' | 'client';

/**
 * One row per sign-in. The session cookie names its row, and every request checks the row is still open, so
 * signing out, resetting a password, a role change or a removal ends the session on every app instance at once.
 */
export const authSessions = pgTable(
  'auth_sessions',
  {
    id: idColumn('authSession'),
    audience: text('audience').$type<AccountAudience>().notNull(),
    accountId: text('account_id').notNull(),
    /** The partner whose host the session was made on; null for operators. */
    partnerId: text('partner_id'),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** Why it ended (signed_out, signed_out_everywhere, password_changed, role_changed, removed…), for support. */
    endedReason: text('ended_reason'),
  },
  (t) => [index('auth_sessions_open_account_idx').on(t.accountId).where(sql`${t.endedAt} is null`), index('auth_sessions_expires_idx').on(t.expiresAt)],
);

/** A "forgot password" link: stored as a digest, single-use, short-lived. */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: idColumn('passwordReset'),
    audience: text('audience').$type<AccountAudience>().notNull(),
    accountId: text('account_id').notNull(),
    partnerId: text('partner_id'),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    requestedIp: text('requested_ip'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('password_resets_token_key').on(t.tokenHash), index('password_resets_account_idx').on(t.accountId, t.createdAt)],
);

export type AuthSession = typeof authSessions.$inferSelect;
