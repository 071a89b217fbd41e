import { sql } from 'drizzle-orm';
import { index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { HealthEntity } from '@/lib/providers/whatsapp-cloud/cloud-api-provider';
import { clients } from './clients';
import { createdAt, idColumn, updatedAt } from './columns';
import { partners } from './partners';

/**
 * `active`: verified and reachable; `token_expired`: its token expired or was revoked (a new one relinks it);
 * `needs_attention`: the last check failed for another reason (a permission removed, the number unreachable);
 * `unlinked`: no longer the client's (kept for history and the audit trail).
 */
export const whatsappNumberStatus = pgEnum('whatsapp_number_status', ['active', 'token_expired', 'needs_attention', 'unlinked']);

/** A WhatsApp Business number on Meta's Cloud API, linked to a client with a token verified against Meta. */
export const whatsappNumbers = pgTable(
  'whatsapp_numbers',
  {
    id: idColumn('whatsappNumber'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    phoneNumberId: text('phone_number_id').notNull(),
    wabaId: text('waba_id'),
    /** The access token, sealed with ENCRYPTION_KEY (lib/crypto/secret-box.ts); never returned or logged. */
    accessTokenCiphertext: text('access_token_ciphertext').notNull(),
    /** Meta's own, which win over what the partner sent. */
    displayPhoneNumber: text('display_phone_number').notNull(),
    verifiedName: text('verified_name').notNull(),
    /** What the partner sent, kept to show a difference. */
    sentDisplayNumber: text('sent_display_number'),
    sentVerifiedName: text('sent_verified_name'),
    status: whatsappNumberStatus('status').notNull().default('active'),
    /** The stable reason of the last failed check (token_expired, permission_missing…), while it holds. */
    statusReason: text('status_reason'),
    qualityRating: text('quality_rating'),
    canSendMessage: text('can_send_message'),
    nameStatus: text('name_status'),
    platformType: text('platform_type'),
    throughputLevel: text('throughput_level'),
    metaStatus: text('meta_status'),
    messagingLimitTier: text('messaging_limit_tier'),
    accountMode: text('account_mode'),
    healthEntities: jsonb('health_entities').$type<HealthEntity[]>().notNull().default([]),
    /** Null: the token never expires. */
    tokenExpiresAt: timestamp('token_expires_at', { withTimezone: true }),
    /** The expiry a warning was last sent for, so each token is warned about once (and once more when it expires). */
    tokenWarnedFor: text('token_warned_for'),
    /** The IST month (YYYY-MM) the monthly fee was last charged for, and why the current one could not be, while it cannot. */
    feePaidPeriod: text('fee_paid_period'),
    feeUnpaidReason: text('fee_unpaid_reason'),
    /**
     * An unpaid month, as a rental's: the number works until `feeGraceEndsAt`, is then suspended (takes no
     * messages) from `feeSuspendedAt`, and is unlinked after the partner's suspension days. Both clear once paid.
     */
    feeGraceEndsAt: timestamp('fee_grace_ends_at', { withTimezone: true }),
    feeSuspendedAt: timestamp('fee_suspended_at', { withTimezone: true }),
    lastCheckedAt: timestamp('last_checked_at', { withTimezone: true }).notNull().defaultNow(),
    nextCheckAt: timestamp('next_check_at', { withTimezone: true }).notNull().defaultNow(),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
    unlinkedAt: timestamp('unlinked_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One linked row per Meta phone number id in a partner (live and its sandbox are apart); unlinked rows stay.
    uniqueIndex('whatsapp_numbers_partner_phone_key').on(t.partnerId, t.phoneNumberId).where(sql`${t.status} <> 'unlinked'`),
    index('whatsapp_numbers_partner_idx').on(t.partnerId, t.id),
    index('whatsapp_numbers_partner_client_idx').on(t.partnerId, t.clientId, t.id),
    index('whatsapp_numbers_partner_status_idx').on(t.partnerId, t.status, t.id),
    index('whatsapp_numbers_due_idx').on(t.nextCheckAt).where(sql`${t.status} <> 'unlinked'`),
  ],
);
