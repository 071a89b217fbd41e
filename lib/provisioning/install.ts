import { and, desc, eq } from 'drizzle-orm';
import { getDb, inAmbientTransaction, inOneTransaction } from '@/db';
import { installedItems, templateInstalls, type InstallItemRow, type TemplateInstall } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { emitEvent } from '@/lib/events/emit-event';
import { AppError, conflict } from '@/lib/errors/app-error';
import { isUniqueViolation } from '@/lib/errors/postgres';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { newId } from '@/lib/ids';
import type { Resolver } from '@/lib/webhooks/ssrf-guard';
import { fingerprintOf } from './fingerprint';
import { itemKindOf } from './kinds';
import { ownClientRow, planItems, type PlannedItem } from './plan';
import { installSchema } from './schemas';
import { readableTemplate, versionOf } from './templates';

export type InstallOptions = {
  /** A retry with the same key answers the first install, never installs twice. */
  idempotencyKey?: string;
  /** Name resolution for voice bot URL checks (tests answer without the network). */
  resolve?: Resolver;
};

export type InstallView = {
  id: string;
  clientId: string;
  templateId: string;
  version: number;
  kind: 'install' | 'upgrade';
  status: 'applied' | 'failed';
  items: InstallItemRow[];
  error: string | null;
  actor: { type: string; id: string | null };
  createdAt: Date;
  /** True when this answer is an earlier install (a retry, or nothing left to do). */
  replayed: boolean;
};

export const installView = (row: TemplateInstall, replayed = false): InstallView => ({
  id: row.id,
  clientId: row.clientId,
  templateId: row.templateId,
  version: row.version,
  kind: row.kind,
  status: row.status,
  items: row.items,
  error: row.error,
  actor: { type: row.actorType, id: row.actorId },
  createdAt: row.createdAt,
  replayed,
});

type InstallInput = Untrusted<{ template_id: unknown; version: unknown; choices: unknown; secrets: unknown }>;

/** The dry run: what installing (or upgrading to) a version would do to each item, changing nothing. */
export async function dryRunInstall(ctx: PartnerCtx, clientId: string, input: InstallInput) {
  requirePartnerRole(ctx, 'member');
  const data = parseInput(installSchema, input);
  const client = await ownClientRow(ctx, clientId);
  const db = getDb();
  const { row: template } = await readableTemplate(db, ctx, data.template_id);
  const version = await versionOf(db, template, data.version);
  const previous = await lastApplied(ctx, clientId, template.id);
  const items = await planItems(ctx, clientId, version.items);
  return { client: { id: client.id, name: client.name }, template: { id: template.id, name: template.name }, version: version.version, installedVersion: previous?.version ?? null, items };
}

async function lastApplied(ctx: PartnerCtx, clientId: string, templateId: string) {
  const [row] = await getDb()
    .select()
    .from(templateInstalls)
    .where(and(eq(templateInstalls.partnerId, ctx.partnerId), eq(templateInstalls.clientId, clientId), eq(templateInstalls.templateId, templateId), eq(templateInstalls.status, 'applied')))
    .orderBy(desc(templateInstalls.id))
    .limit(1);
  return row;
}

async function byIdempotencyKey(ctx: PartnerCtx, key: string) {
  const [row] = await getDb()
    .select()
    .from(templateInstalls)
    .where(and(eq(templateInstalls.partnerId, ctx.partnerId), eq(templateInstalls.idempotencyKey, key)))
    .limit(1);
  return row;
}

function replayOf(row: TemplateInstall, clientId: string, templateId: string): InstallView {
  if (row.clientId !== clientId || row.templateId !== templateId) throw conflict('This Idempotency-Key was used for another install: use a new key.');
  return installView(row, true);
}

const nothingToDo = (items: PlannedItem[]) => items.every((item) => item.status === 'unchanged' || item.status === 'kept' || item.status === 'unavailable');

/**
 * Installs a template version into a client, all or nothing: every item is applied through its owning domain
 * inside one transaction, so a failure at any item leaves the client exactly as it was (and is recorded, after
 * the rollback, as a failed install). The client's row is locked first, so installs into one client take turns;
 * a second identical request then finds nothing left to do and answers with the first install, and a retry
 * with the same Idempotency-Key answers it too. Unknown item ids in `choices` or `secrets` are refused.
 */
export async function installTemplate(ctx: PartnerCtx, clientId: string, input: InstallInput, options: InstallOptions = {}): Promise<InstallView> {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(installSchema, input);
  const key = options.idempotencyKey;
  if (key) {
    const earlier = await byIdempotencyKey(ctx, key);
    if (earlier?.status === 'applied') return replayOf(earlier, clientId, data.template_id);
  }
  let attempt: { templateId: string; version: number; kind: 'install' | 'upgrade'; items: InstallItemRow[] } | null = null;
  try {
    return await atomically(async () => {
      const db = getDb();
      await ownClientRow(ctx, clientId, true);
      if (key) {
        const earlier = await byIdempotencyKey(ctx, key);
        if (earlier?.status === 'applied') return replayOf(earlier, clientId, data.template_id);
      }
      const { row: template } = await readableTemplate(db, ctx, data.template_id);
      const version = await versionOf(db, template, data.version);
      const previous = await lastApplied(ctx, clientId, template.id);
      const planned = await planItems(ctx, clientId, version.items);
      const ids = new Set(planned.map((item) => item.id));
      for (const field of ['choices', 'secrets'] as const) {
        const unknown = Object.keys(data[field]).find((id) => !ids.has(id));
        if (unknown) throw new AppError('validation_failed', `“${unknown}” is not an item of version ${version.version}.`, { [`${field}.${unknown}`]: 'Not an item of this version.' });
      }
      const forced = Object.values(data.choices).includes('overwrite');
      if (previous && previous.version === version.version && nothingToDo(planned) && !forced) return installView(previous, true);

      const kind = previous && previous.version < version.version ? 'upgrade' : 'install';
      const results: InstallItemRow[] = planned.map((item) => ({ kind: item.kind, key: item.key, label: item.label, status: item.status, choice: data.choices[item.id] ?? item.defaultChoice, result: 'pending', fingerprint: null }));
      attempt = { templateId: template.id, version: version.version, kind, items: results };
      const installId = newId('templateInstall');
      for (const [index, item] of planned.entries()) {
        const result = results[index]!;
        const itemKind = itemKindOf(item.kind)!;
        if (item.status === 'unavailable') {
          Object.assign(result, { choice: 'skip', result: 'skipped', note: item.note ?? undefined });
          continue;
        }
        if (result.choice === 'keep' && item.status === 'new') result.choice = 'skip';
        if (result.choice === 'skip') {
          result.result = 'skipped';
          continue;
        }
        if (result.choice === 'keep') {
          Object.assign(result, { result: 'kept', fingerprint: item.currentFingerprint });
          await remember(ctx, clientId, template.id, version.version, installId, item, item.currentFingerprint!, true);
          continue;
        }
        if (item.status !== 'unchanged') {
          result.result = 'pending';
          await itemKind.apply(ctx, clientId, item.key, item.wanted, { secret: data.secrets[item.id], resolve: options.resolve });
        }
        // What the client holds now is the baseline a later dry run compares with.
        const after = await itemKind.current(ctx, clientId, item.key, item.wanted);
        const fingerprint = after.state === 'present' ? fingerprintOf(after.data) : item.fingerprint;
        Object.assign(result, { result: item.status === 'unchanged' ? 'unchanged' : 'applied', fingerprint });
        await remember(ctx, clientId, template.id, version.version, installId, item, fingerprint, false);
      }
      const counts = { applied: results.filter((r) => r.result === 'applied').length, kept: results.filter((r) => r.result === 'kept').length, skipped: results.filter((r) => r.result === 'skipped').length };
      const row = await db.transaction(async (tx) => {
        const [inserted] = await tx
          .insert(templateInstalls)
          .values({ id: installId, partnerId: ctx.partnerId, clientId, templateId: template.id, version: version.version, kind, status: 'applied', items: results, idempotencyKey: key ?? null, actorType: ctx.actor.type, actorId: ctx.actor.id ?? null })
          .returning();
        await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: kind === 'upgrade' ? 'template.upgraded' : 'template.installed', targetType: 'client', targetId: clientId, after: { templateId: template.id, version: version.version, installId, ...counts } });
        await emitEvent(tx, ctx.partnerId, kind === 'upgrade' ? 'template.upgraded' : 'template.installed', {
          install_id: installId,
          client_id: clientId,
          template_id: template.id,
          version: version.version,
          ...(kind === 'upgrade' ? { from_version: previous!.version } : {}),
          ...counts,
        });
        return inserted!;
      });
      return installView(row);
    });
  } catch (error) {
    if (key && isUniqueViolation(error, 'template_installs_idempotency_key')) {
      const earlier = await byIdempotencyKey(ctx, key);
      if (earlier) return replayOf(earlier, clientId, data.template_id);
    }
    if (attempt) await recordFailure(ctx, clientId, attempt, error);
    throw error;
  }
}

/**
 * One transaction for the whole install, whose domain calls all join it. Inside a caller's own transaction
 * (a seed) it is a savepoint on the same connection, so a failed install still undoes only itself.
 */
function atomically<T>(work: () => Promise<T>): Promise<T> {
  return inAmbientTransaction() ? getDb().transaction(() => work()) : inOneTransaction(work);
}

async function remember(ctx: PartnerCtx, clientId: string, templateId: string, version: number, installId: string, item: PlannedItem, fingerprint: string, detached: boolean) {
  const values = { partnerId: ctx.partnerId, clientId, kind: item.kind, key: item.key, templateId, version, fingerprint, detached, installId };
  await getDb()
    .insert(installedItems)
    .values(values)
    .onConflictDoUpdate({ target: [installedItems.clientId, installedItems.kind, installedItems.key], set: { templateId, version, fingerprint, detached, installId } });
}

/** A failed attempt, written after its rollback, so the history says why the client stayed as it was. */
async function recordFailure(ctx: PartnerCtx, clientId: string, attempt: { templateId: string; version: number; kind: 'install' | 'upgrade'; items: InstallItemRow[] }, error: unknown) {
  const message = error instanceof AppError ? error.message : 'An item could not be applied; nothing was changed.';
  const failedAt = attempt.items.find((item) => item.result === 'pending');
  const items = attempt.items.map((item) => (item.result === 'pending' ? { ...item, result: 'failed', note: message } : item.result === 'applied' ? { ...item, result: 'rolled_back' } : item));
  try {
    await getDb()
      .insert(templateInstalls)
      .values({ partnerId: ctx.partnerId, clientId, templateId: attempt.templateId, version: attempt.version, kind: attempt.kind, status: 'failed', items, error: failedAt ? `${failedAt.label}: ${message}` : message, actorType: ctx.actor.type, actorId: ctx.actor.id ?? null });
  } catch {
    // Inside a caller's own transaction the record goes with its rollback; the error itself still reaches it.
  }
}
