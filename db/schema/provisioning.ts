import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { actorType } from './audit';
import { clients } from './clients';
import { createdAt, idColumn, updatedAt } from './columns';
import { partners } from './partners';

/** One setup item of a template: what kind it is, its key (unique per kind within a template), what it holds. */
export type TemplateItemRow = { kind: string; key: string; label: string; data: Record<string, unknown> };

/** What an install did with one item, kept on the install record. */
export type InstallItemRow = {
  kind: string;
  key: string;
  label: string;
  /** What the dry run found: new, changed, diverged, unchanged, kept (detached earlier) or unavailable. */
  status: string;
  choice: 'skip' | 'overwrite' | 'keep';
  /** applied, skipped, kept, unchanged. */
  result: string;
  fingerprint: string | null;
  note?: string;
};

/**
 * A provisioning template: a named, versioned set of setup items a partner installs into its clients. It
 * belongs to a live partner (its sandbox uses the same store); `published` puts it, read-only, in every
 * partner's store (the operator decides). `draft` is what the editor changes; publishing a version freezes it.
 */
export const provisioningTemplates = pgTable(
  'provisioning_templates',
  {
    id: idColumn('provisioningTemplate'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    draft: jsonb('draft').$type<TemplateItemRow[]>().notNull().default([]),
    latestVersion: integer('latest_version').notNull().default(0),
    published: boolean('published').notNull().default(false),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('provisioning_templates_partner_idx').on(t.partnerId, t.id), index('provisioning_templates_published_idx').on(t.id).where(sql`${t.published}`)],
);

/** A frozen version of a template: its items as they were when it was saved. Never changed afterwards. */
export const templateVersions = pgTable(
  'template_versions',
  {
    id: idColumn('templateVersion'),
    templateId: text('template_id')
      .notNull()
      .references(() => provisioningTemplates.id, { onDelete: 'cascade' }),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    note: text('note').notNull().default(''),
    items: jsonb('items').$type<TemplateItemRow[]>().notNull(),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('template_versions_template_version_key').on(t.templateId, t.version)],
);

export const templateInstallKind = pgEnum('template_install_kind', ['install', 'upgrade']);
export const templateInstallStatus = pgEnum('template_install_status', ['applied', 'failed']);

/**
 * One install (or upgrade) of a template version into a client: what each item was found to be, what was
 * chosen and what happened, who did it and when. A failed attempt is recorded too, after its rollback, so the
 * history shows why a client stayed on its old version. `idempotency_key` makes a retry answer the first install.
 */
export const templateInstalls = pgTable(
  'template_installs',
  {
    id: idColumn('templateInstall'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    templateId: text('template_id')
      .notNull()
      .references(() => provisioningTemplates.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    kind: templateInstallKind('kind').notNull(),
    status: templateInstallStatus('status').notNull(),
    items: jsonb('items').$type<InstallItemRow[]>().notNull(),
    error: text('error'),
    idempotencyKey: text('idempotency_key'),
    actorType: actorType('actor_type').notNull(),
    actorId: text('actor_id'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('template_installs_idempotency_key').on(t.partnerId, t.idempotencyKey).where(sql`${t.idempotencyKey} is not null`),
    index('template_installs_partner_idx').on(t.partnerId, t.id),
    index('template_installs_client_idx').on(t.partnerId, t.clientId, t.id),
    index('template_installs_template_idx').on(t.partnerId, t.templateId, t.id),
  ],
);

/**
 * What a client last got of each setup item from a template: the fingerprint of what was written, so a later
 * dry run tells an item the client edited since (diverged) from one only the template changed. `detached`: the
 * client chose to keep its own; later installs leave it alone unless told to overwrite.
 */
export const installedItems = pgTable(
  'installed_items',
  {
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    templateId: text('template_id')
      .notNull()
      .references(() => provisioningTemplates.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    fingerprint: text('fingerprint').notNull(),
    detached: boolean('detached').notNull().default(false),
    installId: text('install_id').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('installed_items_client_item_key').on(t.clientId, t.kind, t.key), index('installed_items_partner_template_idx').on(t.partnerId, t.templateId, t.clientId)],
);

export type ProvisioningTemplate = typeof provisioningTemplates.$inferSelect;
export type TemplateVersion = typeof templateVersions.$inferSelect;
export type TemplateInstall = typeof templateInstalls.$inferSelect;
