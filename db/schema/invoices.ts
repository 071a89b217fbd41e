import { sql } from 'drizzle-orm';
import { bigint, customType, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { createdAt, idColumn, updatedAt } from './columns';
import { partners } from './partners';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/**
 * Who a party to an invoice is for tax: legal name, address, state and GSTIN. A partner's own row has no
 * client; a client's billing details (an unregistered client's state decides the place of supply) name the
 * client; the operator's row names neither.
 */
export const taxProfiles = pgTable(
  'tax_profiles',
  {
    id: idColumn('taxProfile'),
    partnerId: text('partner_id').references(() => partners.id, { onDelete: 'cascade' }),
    clientId: text('client_id').references(() => clients.id, { onDelete: 'cascade' }),
    legalName: text('legal_name').notNull(),
    address: text('address').notNull(),
    /** The GST state code (two digits, e.g. `27` Maharashtra); a GSTIN's first two digits when it has one. */
    stateCode: text('state_code').notNull(),
    pin: text('pin'),
    gstin: text('gstin'),
    /** A client's billing e-mail: where its invoices are sent instead of its account e-mail. */
    email: text('email'),
    updatedAt: updatedAt(),
  },
  (t) => [unique('tax_profiles_owner_key').on(t.partnerId, t.clientId).nullsNotDistinct()],
);

export const invoiceKind = pgEnum('invoice_kind', ['invoice', 'credit_note']);
/** `operator`: the operator's wholesale invoice to a partner. `partner`: a partner's invoice to its client. */
export const invoiceIssuer = pgEnum('invoice_issuer', ['operator', 'partner']);
/** `draft`: numbered and totalled, its PDF not yet stored (a crash in between is resumed); `issued`; `sent` once e-mailed. */
export const invoiceStatus = pgEnum('invoice_status', ['draft', 'issued', 'sent']);

export type InvoiceParty = { name: string; address: string; stateCode: string; stateName: string; pin: string | null; gstin: string | null; brand?: { productName: string; primaryColor: string } };
export type InvoiceLine = { product: string; description: string; sac: string; quantity: number; unitRate: string; gross: string; taxable: string };

export const invoices = pgTable(
  'invoices',
  {
    id: idColumn('invoice'),
    /** The book it belongs to: the issuing partner (to a client) or the partner invoiced by the operator. */
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    issuer: invoiceIssuer('issuer').notNull(),
    kind: invoiceKind('kind').notNull(),
    /** The recipient client; null on the operator's invoices (the recipient is the partner). */
    clientId: text('client_id').references(() => clients.id, { onDelete: 'cascade' }),
    /** The IST month it covers, `YYYY-MM`. */
    period: text('period').notNull(),
    /** Whose number series: `operator` or the issuing partner's id. */
    seriesOwner: text('series_owner').notNull(),
    series: text('series').notNull(),
    /** The financial year, `2026-27` (April to March, India time). */
    financialYear: text('financial_year').notNull(),
    sequence: integer('sequence').notNull(),
    number: text('number').notNull(),
    status: invoiceStatus('status').notNull().default('draft'),
    seller: jsonb('seller').$type<InvoiceParty>().notNull(),
    buyer: jsonb('buyer').$type<InvoiceParty>().notNull(),
    placeOfSupply: text('place_of_supply').notNull(),
    /** `intra`: CGST + SGST; `inter`: IGST; `none`: the issuer is not registered (a bill of supply). */
    supply: text('supply', { enum: ['intra', 'inter', 'none'] }).notNull(),
    lines: jsonb('lines').$type<InvoiceLine[]>().notNull(),
    taxable: bigint('taxable', { mode: 'bigint' }).notNull(),
    cgst: bigint('cgst', { mode: 'bigint' }).notNull(),
    sgst: bigint('sgst', { mode: 'bigint' }).notNull(),
    igst: bigint('igst', { mode: 'bigint' }).notNull(),
    rounding: bigint('rounding', { mode: 'bigint' }).notNull(),
    total: bigint('total', { mode: 'bigint' }).notNull(),
    /** A credit note's invoices (those that carried the refunded charges). */
    refersTo: jsonb('refers_to').$type<{ id: string; number: string }[]>().notNull().default([]),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    // Generation is idempotent per (issuer, recipient, month, kind): a second run finds the first one's row.
    unique('invoices_once_key').on(t.partnerId, t.issuer, t.clientId, t.period, t.kind).nullsNotDistinct(),
    uniqueIndex('invoices_number_key').on(t.seriesOwner, t.series, t.financialYear, t.sequence),
    index('invoices_partner_idx').on(t.partnerId, t.issuer, t.id),
    index('invoices_partner_period_idx').on(t.partnerId, t.issuer, t.period, t.id),
    index('invoices_partner_client_idx').on(t.partnerId, t.clientId, t.id),
    index('invoices_partner_status_idx').on(t.partnerId, t.issuer, t.status, t.id),
    index('invoices_operator_idx').on(t.issuer, t.id),
    index('invoices_drafts_idx').on(t.createdAt).where(sql`${t.status} = 'draft'`),
  ],
);

/** The last number given per series and financial year: one short row lock per allocation, no gaps. */
export const invoiceSeries = pgTable(
  'invoice_series',
  {
    seriesOwner: text('series_owner').notNull(),
    series: text('series').notNull(),
    financialYear: text('financial_year').notNull(),
    lastSequence: integer('last_sequence').notNull(),
  },
  (t) => [primaryKey({ columns: [t.seriesOwner, t.series, t.financialYear] })],
);

/** The stored PDF of an invoice, apart from its row so lists never read it. */
export const invoiceFiles = pgTable('invoice_files', {
  invoiceId: text('invoice_id')
    .primaryKey()
    .references(() => invoices.id, { onDelete: 'cascade' }),
  content: bytea('content').notNull(),
  bytes: integer('bytes').notNull(),
  sha256: text('sha256').notNull(),
  createdAt: createdAt(),
});

export type Invoice = typeof invoices.$inferSelect;
export type TaxProfile = typeof taxProfiles.$inferSelect;
