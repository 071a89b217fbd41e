import { sql } from 'drizzle-orm';
import { customType, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { searchText } from '@/lib/search/search-text';
import { clients } from './clients';
import { createdAt, idColumn, updatedAt } from './columns';
import { partners } from './partners';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

export const registrationStatus = pgEnum('registration_status', ['pending', 'completed', 'cancelled', 'expired']);
export const verificationStatus = pgEnum('verification_status', ['unverified', 'pending', 'verified', 'failed']);
export const aadhaarStatus = pgEnum('aadhaar_status', ['unverified', 'otp_sent', 'verified', 'failed']);
export const gstStatus = pgEnum('gst_status', ['unverified', 'pending', 'verified', 'failed', 'skipped']);
export const registrationSource = pgEnum('registration_source', ['api', 'console', 'link']);

/**
 * A client on its way in: registration, OTP, then KYC (PAN, Aadhaar, GST), preview and signed acceptance,
 * which turns it into a client. Of an Aadhaar number only the last four digits and the provider's reference
 * are ever stored.
 */
export const registrations = pgTable(
  'registrations',
  {
    id: idColumn('registration'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    status: registrationStatus('status').notNull().default('pending'),
    source: registrationSource('source').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    /** E.164, e.g. +919876543210. */
    mobile: text('mobile').notNull(),
    countryCode: text('country_code').notNull(),
    passwordHash: text('password_hash').notNull(),
    promoCode: text('promo_code'),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    mobileVerifiedAt: timestamp('mobile_verified_at', { withTimezone: true }),
    businessType: text('business_type'),
    pan: text('pan'),
    panStatus: verificationStatus('pan_status').notNull().default('unverified'),
    panRegisteredName: text('pan_registered_name'),
    panFailureReason: text('pan_failure_reason'),
    /** When the PAN was last sent to the provider; a pending check is asked again from then on. */
    panCheckedAt: timestamp('pan_checked_at', { withTimezone: true }),
    aadhaarLast4: text('aadhaar_last4'),
    aadhaarReference: text('aadhaar_reference'),
    aadhaarStatus: aadhaarStatus('aadhaar_status').notNull().default('unverified'),
    aadhaarFailureReason: text('aadhaar_failure_reason'),
    /** Wrong OTPs against the current Aadhaar reference; reset when a new OTP is sent. */
    aadhaarFailedAttempts: integer('aadhaar_failed_attempts').notNull().default(0),
    /** Every OTP sent after the first, e-mail, SMS and Aadhaar together: capped per registration. */
    otpResends: integer('otp_resends').notNull().default(0),
    gstin: text('gstin'),
    gstStatus: gstStatus('gst_status').notNull().default('unverified'),
    gstLegalName: text('gst_legal_name'),
    gstFailureReason: text('gst_failure_reason'),
    gstCheckedAt: timestamp('gst_checked_at', { withTimezone: true }),
    gstSkipReason: text('gst_skip_reason'),
    /**
     * The KYC provider (its adapter's name) that answered the checks, so a client verified by the simulator
     * — the default while no real provider is configured — can be told apart from one verified for real.
     */
    kycProvider: text('kyc_provider'),
    kycSubmittedAt: timestamp('kyc_submitted_at', { withTimezone: true }),
    signature: bytea('signature'),
    signatureSha256: text('signature_sha256'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    clientId: text('client_id').references(() => clients.id, { onDelete: 'set null' }),
    onboardingLinkId: text('onboarding_link_id'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('registrations_partner_idx').on(t.partnerId, t.id),
    index('registrations_partner_status_idx').on(t.partnerId, t.status, t.id),
    index('registrations_search_idx').using('gin', sql`${searchText(t.name, t.email)} gin_trgm_ops`),
    // One open registration per e-mail and per mobile within a partner.
    uniqueIndex('registrations_open_email_key').on(t.partnerId, t.email).where(sql`${t.status} = 'pending'`),
    uniqueIndex('registrations_open_mobile_key').on(t.partnerId, t.mobile).where(sql`${t.status} = 'pending'`),
    uniqueIndex('registrations_client_key').on(t.clientId),
  ],
);

export const otpChannel = pgEnum('otp_channel', ['email', 'mobile']);

/** The current one-time code per registration and channel: a keyed hash only, with its expiry and attempts. */
export const otpCodes = pgTable(
  'otp_codes',
  {
    registrationId: text('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    channel: otpChannel('channel').notNull(),
    codeHash: text('code_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('otp_codes_registration_channel_key').on(t.registrationId, t.channel)],
);

export const onboardingLinkStatus = pgEnum('onboarding_link_status', ['active', 'used', 'revoked']);

/** A hosted onboarding link for one prospect, on the partner's own domain. Only the token's digest is kept. */
export const onboardingLinks = pgTable(
  'onboarding_links',
  {
    id: idColumn('onboardingLink'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    tokenDigest: text('token_digest').notNull(),
    status: onboardingLinkStatus('status').notNull().default('active'),
    prefill: jsonb('prefill').$type<{ name?: string; email?: string; mobile?: string; country_code?: string }>().notNull().default({}),
    note: text('note'),
    registrationId: text('registration_id'),
    clientId: text('client_id'),
    createdBy: text('created_by'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('onboarding_links_token_key').on(t.tokenDigest), index('onboarding_links_partner_idx').on(t.partnerId, t.id)],
);

export const promoCodes = pgTable(
  'promo_codes',
  {
    id: idColumn('promoCode'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    description: text('description'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('promo_codes_partner_code_key').on(t.partnerId, t.code)],
);

export const messageChannel = pgEnum('message_channel', ['email', 'sms']);
export const messageStatus = pgEnum('message_status', ['queued', 'sent', 'failed']);

/**
 * E-mails and SMS on their way out (outbox), written with the change that causes them and sent by the worker
 * through the configured provider. Bodies are sealed (they carry one-time codes); messages delivered by the
 * simulator stay readable in the dev outbox, and real deliveries have their bodies erased once sent.
 */
export const messages = pgTable(
  'messages',
  {
    id: idColumn('message'),
    /** Null for the platform's own messages to operators (sent in the platform's name). */
    partnerId: text('partner_id').references(() => partners.id, { onDelete: 'cascade' }),
    /**
     * The client the message is for or about (its low-balance alert, its invoice, its member's invitation), so
     * the usage it meters when sent is that client's; null for the partner's own (staff, prepaid) and the
     * platform's. Set null if the client goes: the row stays the partner's outbox history.
     */
    clientId: text('client_id').references(() => clients.id, { onDelete: 'set null' }),
    channel: messageChannel('channel').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject'),
    sealedBody: text('sealed_body'),
    template: text('template').notNull(),
    provider: text('provider'),
    status: messageStatus('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    error: text('error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /**
     * Files the e-mail carries, by reference to where they are stored (an invoice's PDF), so the outbox holds
     * one small row and the document itself stays in one place; read when the worker sends it.
     */
    attachments: jsonb('attachments').$type<MessageAttachmentRef[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [
    index('messages_due_idx').on(t.status, t.nextAttemptAt),
    index('messages_partner_idx').on(t.partnerId, t.id),
    // Deleting a client (a sandbox reset deletes all of its) clears its messages' client_id: without this each
    // deleted client would scan the whole outbox.
    index('messages_client_idx').on(t.clientId).where(sql`${t.clientId} is not null`),
  ],
);

export type Registration = typeof registrations.$inferSelect;
export type OnboardingLink = typeof onboardingLinks.$inferSelect;
export type Message = typeof messages.$inferSelect;
/** A file an outgoing e-mail carries: today, a stored invoice PDF under the name the recipient sees. */
export type MessageAttachmentRef = { kind: 'invoice_pdf'; invoiceId: string; filename: string };
