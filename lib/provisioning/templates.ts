import { and, desc, eq, or } from 'drizzle-orm';
import { getDb, type Queryable } from '@/db';
import { clients, partners, provisioningTemplates, templateVersions, type ProvisioningTemplate, type TemplateItemRow } from '@/db/schema';
import type { Ctx, PartnerCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { requireOperator, requirePartnerRole } from '@/lib/auth/permissions';
import { emitEvent } from '@/lib/events/emit-event';
import { AppError, notFound } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { isId } from '@/lib/ids';
import { livePartnerOf } from '@/lib/partners/live-partner';
import { itemKinds } from './kinds';
import { checkItems, createTemplateSchema, publishVersionSchema, saveClientSchema, updateTemplateSchema } from './schemas';

/**
 * A template belongs to the partner that made it (a live partner or its sandbox). A sandbox also reads and
 * installs its live partner's templates, read-only (so a template is tried on sandbox clients first, and a
 * test key never changes a live template); templates the operator published are in every store, read-only.
 * A live partner never sees what its sandbox made.
 */
export type TemplateView = {
  id: string;
  name: string;
  description: string;
  latestVersion: number;
  published: boolean;
  /** True when the caller's partner owns it (and may edit it). */
  own: boolean;
  /** Whose it is: the caller's own, the live partner's (seen from its sandbox), or the platform's (published). */
  source: 'own' | 'live' | 'platform';
  draft: TemplateItemRow[];
  createdAt: Date;
  updatedAt: Date;
};

const viewOf = (row: ProvisioningTemplate, storeId: string, liveId: string): TemplateView => ({
  id: row.id,
  name: row.name,
  description: row.description,
  latestVersion: row.latestVersion,
  published: row.published,
  own: row.partnerId === storeId,
  source: row.partnerId === storeId ? 'own' : row.published && row.partnerId !== liveId ? 'platform' : 'live',
  draft: row.draft,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

/** Which templates the caller reads: its own, its live partner's (from a sandbox), and published ones. */
async function readersOf(q: Queryable, ctx: PartnerCtx) {
  const live = await livePartnerOf(q, ctx.partnerId);
  const condition = or(eq(provisioningTemplates.partnerId, ctx.partnerId), eq(provisioningTemplates.partnerId, live), eq(provisioningTemplates.published, true));
  return { store: ctx.partnerId, live, condition };
}

/** A template the caller may read (its own or a published one); anything else is a 404. */
export async function readableTemplate(q: Queryable, ctx: PartnerCtx, templateId: string, lock = false): Promise<{ row: ProvisioningTemplate; store: string; live: string }> {
  if (!isId('provisioningTemplate', templateId)) throw notFound('Template');
  const { store, live, condition } = await readersOf(q, ctx);
  const query = q
    .select()
    .from(provisioningTemplates)
    .where(and(eq(provisioningTemplates.id, templateId), condition));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Template');
  return { row, store, live };
}

async function ownTemplate(q: Queryable, ctx: PartnerCtx, templateId: string) {
  const found = await readableTemplate(q, ctx, templateId, true);
  if (found.row.partnerId !== found.store) {
    throw new AppError('forbidden', found.row.partnerId === found.live ? 'This is a live template: edit it in live mode (test mode only installs it).' : 'This template was published by the platform: install it, or save a client set up with it as a template of your own.');
  }
  return found;
}

export async function listTemplates(ctx: PartnerCtx): Promise<TemplateView[]> {
  requirePartnerRole(ctx, 'member');
  const db = getDb();
  const { store, live, condition } = await readersOf(db, ctx);
  const rows = await db.select().from(provisioningTemplates).where(condition).orderBy(desc(provisioningTemplates.id)).limit(500);
  return rows.map((row) => viewOf(row, store, live));
}

export async function getTemplate(ctx: PartnerCtx, templateId: string) {
  requirePartnerRole(ctx, 'member');
  const db = getDb();
  const { row, store, live } = await readableTemplate(db, ctx, templateId);
  const versions = await db
    .select({ version: templateVersions.version, note: templateVersions.note, items: templateVersions.items, createdBy: templateVersions.createdBy, createdAt: templateVersions.createdAt })
    .from(templateVersions)
    .where(eq(templateVersions.templateId, row.id))
    .orderBy(desc(templateVersions.version));
  return { ...viewOf(row, store, live), versions };
}

/** A version's items: the latest when none is asked for. A template never published has none to install. */
export async function versionOf(q: Queryable, template: ProvisioningTemplate, version?: number) {
  const wanted = version ?? template.latestVersion;
  if (wanted < 1) throw new AppError('conflict', 'This template has no published version yet: publish its draft first.');
  const [row] = await q.select().from(templateVersions).where(and(eq(templateVersions.templateId, template.id), eq(templateVersions.version, wanted)));
  if (!row) throw new AppError('not_found', `Version ${wanted} of this template was not found.`, { version: 'No such version.' });
  return row;
}

export async function createTemplate(ctx: PartnerCtx, input: Untrusted<{ name: unknown; description: unknown; items: unknown }>): Promise<TemplateView> {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(createTemplateSchema, input);
  const items = checkItems(data.items);
  return getDb().transaction(async (tx) => {
    const store = ctx.partnerId;
    const [row] = await tx.insert(provisioningTemplates).values({ partnerId: store, name: data.name, description: data.description, draft: items }).returning();
    await recordAudit(tx, ctx, { partnerId: store, action: 'template.created', targetType: 'template', targetId: row!.id, after: { name: data.name, items: items.length } });
    return viewOf(row!, store, await livePartnerOf(tx, store));
  });
}

/** Changes the draft (name, description, items); installed versions stay as they were. */
export async function updateTemplate(ctx: PartnerCtx, templateId: string, input: Untrusted<{ name: unknown; description: unknown; items: unknown }>): Promise<TemplateView> {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(updateTemplateSchema, input);
  const items = data.items ? checkItems(data.items) : undefined;
  return getDb().transaction(async (tx) => {
    const { row: before, store, live } = await ownTemplate(tx, ctx, templateId);
    const [row] = await tx
      .update(provisioningTemplates)
      .set({ name: data.name ?? before.name, description: data.description ?? before.description, draft: items ?? before.draft })
      .where(eq(provisioningTemplates.id, before.id))
      .returning();
    await recordAudit(tx, ctx, { partnerId: store, action: 'template.updated', targetType: 'template', targetId: before.id, before: { name: before.name, items: before.draft.length }, after: { name: row!.name, items: row!.draft.length } });
    return viewOf(row!, store, live);
  });
}

/** Freezes the draft as the next version: what installs and upgrades from now on take. */
export async function publishTemplateVersion(ctx: PartnerCtx, templateId: string, input: Untrusted<{ note: unknown }> = {}) {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(publishVersionSchema, input);
  return getDb().transaction(async (tx) => {
    const { row, store } = await ownTemplate(tx, ctx, templateId);
    if (!row.draft.length) throw new AppError('validation_failed', 'The draft has no items: add at least one before publishing.', { items: 'Add at least one item.' });
    const version = row.latestVersion + 1;
    await tx.insert(templateVersions).values({ templateId: row.id, partnerId: store, version, note: data.note, items: row.draft, createdBy: ctx.actor.id ?? null });
    await tx.update(provisioningTemplates).set({ latestVersion: version }).where(eq(provisioningTemplates.id, row.id));
    await recordAudit(tx, ctx, { partnerId: store, action: 'template.version_published', targetType: 'template', targetId: row.id, after: { version, note: data.note, items: row.draft.length } });
    await emitEvent(tx, store, 'template.published', { template_id: row.id, name: row.name, version, items: row.draft.length, note: data.note });
    return { templateId: row.id, version };
  });
}

/** A client's setup as it is now, saved as a new template (version 1), to install into other clients. */
export async function saveClientAsTemplate(ctx: PartnerCtx, input: Untrusted<{ name: unknown; description: unknown; client_id: unknown }>) {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(saveClientSchema, input);
  const db = getDb();
  const [client] = await db.select({ id: clients.id }).from(clients).where(and(eq(clients.id, data.client_id), eq(clients.partnerId, ctx.partnerId)));
  if (!client) throw notFound('Client');
  const items: TemplateItemRow[] = [];
  for (const kind of itemKinds) {
    for (const item of await kind.snapshot(ctx, client.id)) items.push({ kind: kind.kind, key: item.key, label: kind.labelOf(item.data), data: item.data });
  }
  const template = await createTemplate(ctx, { name: data.name, description: data.description, items: items.map(({ kind, key, data: content }) => ({ kind, key, data: content })) });
  const published = await publishTemplateVersion(ctx, template.id, { note: 'Saved from a client’s setup' });
  return { ...template, latestVersion: published.version };
}

/** The operator puts a template in every partner's store (read-only there), or takes it out again. */
export async function setTemplatePublished(ctx: Ctx, templateId: string, published: boolean) {
  requireOperator(ctx);
  if (!isId('provisioningTemplate', templateId)) throw notFound('Template');
  return getDb().transaction(async (tx) => {
    const [row] = await tx.select().from(provisioningTemplates).where(eq(provisioningTemplates.id, templateId)).for('update');
    if (!row) throw notFound('Template');
    if (published && row.latestVersion < 1) throw new AppError('conflict', 'This template has no published version yet: its partner must publish one first.');
    await tx.update(provisioningTemplates).set({ published, publishedAt: published ? new Date() : null }).where(eq(provisioningTemplates.id, row.id));
    await recordAudit(tx, ctx, { partnerId: row.partnerId, action: published ? 'template.shared' : 'template.unshared', targetType: 'template', targetId: row.id, before: { published: row.published }, after: { published } });
    if (published) await emitEvent(tx, row.partnerId, 'template.published', { template_id: row.id, name: row.name, version: row.latestVersion, items: row.draft.length, note: 'Published to every partner by the platform' });
    return { id: row.id, published };
  });
}

/** Every partner's templates, for the operator's page. */
export async function listAllTemplates(ctx: Ctx) {
  requireOperator(ctx);
  return getDb()
    .select({ id: provisioningTemplates.id, partnerId: provisioningTemplates.partnerId, partnerName: partners.name, name: provisioningTemplates.name, latestVersion: provisioningTemplates.latestVersion, published: provisioningTemplates.published, publishedAt: provisioningTemplates.publishedAt })
    .from(provisioningTemplates)
    .innerJoin(partners, eq(partners.id, provisioningTemplates.partnerId))
    .orderBy(desc(provisioningTemplates.id))
    .limit(500);
}
