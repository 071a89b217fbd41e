import { bigint, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { createdAt, idColumn } from './columns';
import { ledgerSets } from './ledger';
import { partners } from './partners';

/**
 * A product charged once per IST billing period for one subject (a number's rental, an agent seat, a bot, a
 * WhatsApp number): at most one row per (partner, product, subject, period), pointing at the ledger set that
 * paid for it. Written in the charge's own transaction, so a period is either paid and recorded or neither.
 */
export const recurringCharges = pgTable(
  'recurring_charges',
  {
    id: idColumn('recurringCharge'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    product: text('product').notNull(),
    /** What is paid for, by its id (a TypeID names its kind: `num_…`, an agent, a bot). */
    subjectId: text('subject_id').notNull(),
    /** The IST month, `YYYY-MM` (lib/periods). */
    period: text('period').notNull(),
    setId: text('set_id')
      .notNull()
      .references(() => ledgerSets.id, { onDelete: 'cascade' }),
    retail: bigint('retail', { mode: 'bigint' }).notNull(),
    wholesale: bigint('wholesale', { mode: 'bigint' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('recurring_charges_once_key').on(t.partnerId, t.product, t.subjectId, t.period),
    // A subject's billing history, newest period first.
    index('recurring_charges_subject_idx').on(t.partnerId, t.subjectId, t.period),
  ],
);

export type RecurringCharge = typeof recurringCharges.$inferSelect;
