import { sql } from 'drizzle-orm';
import { boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, updatedAt } from './columns';
import { partners } from './partners';

export const clientStatus = pgEnum('client_status', ['pending', 'active', 'inactive']);

export const clients = pgTable(
  'clients',
  {
    id: idColumn('client'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    status: clientStatus('status').notNull().default('pending'),
    /**
     * What the search box looks in, lower-cased once when the row is written: a search then compares bytes
     * (LIKE) instead of folding the case of every row it reads (ILIKE), several times faster per row.
     */
    searchText: text('search_text').generatedAlwaysAs(sql`lower("name" || ' ' || "email")`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('clients_partner_email_key').on(t.partnerId, t.email),
    // Lists read newest first by id (time-ordered), filtered by status, or by name: each a walk of one index
    // that stops after a page, however many clients a partner has and however rare the status.
    // It carries the search text, so a search for a common word walks the newest rows in this index alone
    // (no table reads) and stops at a page of matches.
    index('clients_partner_id_idx').on(t.partnerId, t.id, t.searchText),
    index('clients_partner_status_idx').on(t.partnerId, t.status, t.id),
    index('clients_partner_name_idx').on(t.partnerId, t.name, t.id),
    // A rare word is found here instead, from its trigrams.
    index('clients_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

export const clientMemberRole = pgEnum('client_member_role', ['owner', 'member']);

export const clientMembers = pgTable(
  'client_members',
  {
    id: idColumn('clientMember'),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    /** Copied from the client so a member can be found by (partner, e-mail) at sign-in with one index. */
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: clientMemberRole('role').notNull().default('member'),
    passwordHash: text('password_hash'),
    /** Set when someone else chose the password (a temporary one): it must be changed at the next sign-in. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** An invited member's link (its digest) until they choose a password; null once accepted. */
    inviteTokenHash: text('invite_token_hash'),
    inviteExpiresAt: timestamp('invite_expires_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('client_members_partner_email_key').on(t.partnerId, t.email),
    index('client_members_client_idx').on(t.clientId),
    // The members list reads one client's members in id order, scoped by partner.
    index('client_members_partner_client_idx').on(t.partnerId, t.clientId, t.id),
    uniqueIndex('client_members_invite_token_key').on(t.inviteTokenHash).where(sql`${t.inviteTokenHash} is not null`),
  ],
);

export type Client = typeof clients.$inferSelect;
export type ClientMember = typeof clientMembers.$inferSelect;
