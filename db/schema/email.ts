import { index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, updatedAt } from './columns';
import { partners } from './partners';

/**
 * A partner's own wording for one message type. No row means the type's default; deleting the row is "reset to
 * default". The texts are plain text with `{{variable}}` placeholders, checked against the type's allow-list
 * when saved and substituted (never evaluated) when sent.
 */
export const emailTemplates = pgTable(
  'email_templates',
  {
    id: idColumn('emailTemplate'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    messageType: text('message_type').notNull(),
    subject: text('subject').notNull(),
    heading: text('heading').notNull(),
    body: text('body').notNull(),
    buttonLabel: text('button_label'),
    updatedBy: text('updated_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('email_templates_partner_type_key').on(t.partnerId, t.messageType)],
);

export type SendingDomainRecordStatus = 'pending' | 'verified' | 'missing' | 'mismatch';

/**
 * The domain a partner sends its e-mail from. Switchboard generates the DKIM key pair; the private key is kept
 * sealed (lib/crypto) and never leaves the server. Mail goes from this domain, signed with that key, only once
 * every required record has been found.
 */
export const sendingDomains = pgTable(
  'sending_domains',
  {
    id: idColumn('sendingDomain'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    domain: text('domain').notNull(),
    /** The local part mail goes from once verified: `<fromLocalPart>@<domain>`. */
    fromLocalPart: text('from_local_part').notNull().default('notifications'),
    dkimSelector: text('dkim_selector').notNull(),
    dkimPublicKey: text('dkim_public_key').notNull(),
    sealedDkimPrivateKey: text('sealed_dkim_private_key').notNull(),
    /** Per record kind (spf, dkim, dmarc): what the last check found. */
    recordStatus: jsonb('record_status').$type<Record<string, SendingDomainRecordStatus>>().notNull().default({}),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    lastCheckedAt: timestamp('last_checked_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('sending_domains_partner_key').on(t.partnerId), index('sending_domains_domain_idx').on(t.domain), index('sending_domains_checked_idx').on(t.lastCheckedAt)],
);

export type EmailTemplateRow = typeof emailTemplates.$inferSelect;
export type SendingDomain = typeof sendingDomains.$inferSelect;
