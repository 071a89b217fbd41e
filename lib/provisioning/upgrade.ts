import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { clients, templateInstalls } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { AppError, notFound } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { dryRunInstall, installTemplate, type InstallOptions } from './install';
import { itemChoices } from './schemas';
import { readableTemplate, versionOf } from './templates';

export const upgradeSchema = z.strictObject({
  version: z.coerce.number().int().min(1).optional().meta({ description: 'The version to upgrade to; the latest when left out.' }),
  client_ids: z.array(z.string().min(1)).min(1).max(1000).optional().meta({ description: 'Only these clients; every client with an older version installed when left out.' }),
  choices: z.record(z.string(), z.enum(itemChoices, 'Choose skip, overwrite or keep.')).default({}).meta({ description: 'Per item (`kind:key`), for every client upgraded; items left out take each dry run’s `default_choice`.' }),
  secrets: z.record(z.string(), z.string().max(4096)).default({}),
  dry_run: z.boolean().default(false).meta({ description: 'Only report what each client’s upgrade would do.' }),
});

export type UpgradeStatus = 'upgraded' | 'would_upgrade' | 'up_to_date' | 'not_installed' | 'failed';
export type UpgradeResult = {
  clientId: string;
  clientName: string | null;
  fromVersion: number | null;
  status: UpgradeStatus;
  installId: string | null;
  error: string | null;
  /** Items by what the dry run found (new, changed, diverged, …). */
  items: Record<string, number>;
};

const tally = (statuses: string[]) => statuses.reduce<Record<string, number>>((counts, status) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }), {});

/**
 * Moves clients to a newer version of a template: each client that has an older version installed (or the
 * ones named), one at a time, each in its own all-or-nothing install, with the same per-item choices as an
 * install. One client's failure does not stop the others: each gets its own status. A retry with the same
 * Idempotency-Key repeats none of the upgrades already done.
 */
export async function upgradeClients(ctx: PartnerCtx, templateId: string, input: Untrusted<z.input<typeof upgradeSchema>>, options: InstallOptions = {}) {
  requirePartnerRole(ctx, input.dry_run === true ? 'member' : 'admin');
  const data = parseInput(upgradeSchema, input);
  const db = getDb();
  const { row: template } = await readableTemplate(db, ctx, templateId);
  const target = await versionOf(db, template, data.version);
  // Each client's latest applied install of this template.
  const installed = await db
    .selectDistinctOn([templateInstalls.clientId], { clientId: templateInstalls.clientId, version: templateInstalls.version, name: clients.name })
    .from(templateInstalls)
    .innerJoin(clients, eq(clients.id, templateInstalls.clientId))
    .where(
      and(
        eq(templateInstalls.partnerId, ctx.partnerId),
        eq(templateInstalls.templateId, template.id),
        eq(templateInstalls.status, 'applied'),
        data.client_ids ? inArray(templateInstalls.clientId, data.client_ids) : undefined,
      ),
    )
    .orderBy(templateInstalls.clientId, desc(templateInstalls.id));
  if (data.client_ids) {
    // A named client that is not the caller's is a 404, as everywhere: the report never echoes a stranger's id.
    const own = await db.select({ id: clients.id }).from(clients).where(and(eq(clients.partnerId, ctx.partnerId), inArray(clients.id, data.client_ids)));
    if (own.length !== new Set(data.client_ids).size) throw notFound('Client');
  }
  const byClient = new Map(installed.map((row) => [row.clientId, row]));
  const wanted = data.client_ids ?? installed.map((row) => row.clientId);
  if (wanted.length > 1000) throw new AppError('validation_failed', 'At most 1000 clients at once: name them in client_ids, in batches.', { client_ids: 'At most 1000.' });

  const results: UpgradeResult[] = [];
  for (const clientId of wanted) {
    const row = byClient.get(clientId);
    const base = { clientId, clientName: row?.name ?? null, fromVersion: row?.version ?? null, installId: null, error: null, items: {} };
    if (!row) {
      results.push({ ...base, status: 'not_installed', error: 'This template is not installed in this client: install it first.' });
      continue;
    }
    if (row.version >= target.version) {
      results.push({ ...base, status: 'up_to_date' });
      continue;
    }
    const request = { template_id: template.id, version: target.version, choices: data.choices, secrets: data.secrets };
    try {
      if (data.dry_run) {
        const plan = await dryRunInstall(ctx, clientId, { template_id: template.id, version: target.version });
        results.push({ ...base, status: 'would_upgrade', items: tally(plan.items.map((item) => item.status)) });
        continue;
      }
      const install = await installTemplate(ctx, clientId, request, { ...options, idempotencyKey: options.idempotencyKey ? `${options.idempotencyKey}:${clientId}` : undefined });
      results.push({ ...base, status: 'upgraded', installId: install.id, items: tally(install.items.map((item) => item.status)) });
    } catch (error) {
      results.push({ ...base, status: 'failed', error: error instanceof AppError ? error.message : 'The upgrade failed; the client was left as it was.' });
    }
  }
  const summary = tally(results.map((result) => result.status));
  return { templateId: template.id, version: target.version, dryRun: data.dry_run, summary, results };
}
