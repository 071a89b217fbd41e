import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Queryable } from '@/db';
import { clients, maskingAllocations, maskingPoolSettings, numberAssignments, numbers } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { AppError, notFound } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { numberTypeSchema } from '@/lib/numbers/number-types';
import { circleByCode } from '@/lib/providers/carrier/india-circles';

export type PoolSettings = { autoBuy: boolean; maxPoolSize: number; region: string | null; type: z.infer<typeof numberTypeSchema> };

export const defaultPoolSettings: PoolSettings = { autoBuy: false, maxPoolSize: 10, region: null, type: 'local' };

const checkbox = z.union([z.boolean(), z.literal('on').transform(() => true), z.literal('true').transform(() => true), z.literal('false').transform(() => false), z.literal('').transform(() => false)]);

/** Shared by the console's form and REST (`PUT /clients/{client_id}/masking_pool/settings`). */
export const poolSettingsSchema = z.object({
  autoBuy: checkbox.default(false).meta({ description: 'Buy the numbers the pool needs when a new session finds it exhausted.' }),
  maxPoolSize: z.coerce.number('Give a number of numbers.').int('Give a whole number.').min(1, 'At least 1 number.').max(100, 'At most 100 numbers.').default(10).meta({ description: 'Auto-buy never grows the pool past this many numbers.' }),
  region: z
    .preprocess((v) => (v === '' || v === null ? undefined : v), z.string().trim().toUpperCase().optional())
    .refine((v) => v === undefined || circleByCode.has(v), 'Unknown region; choose a telecom circle such as KA.')
    .transform((v) => v ?? null)
    .meta({ description: 'The region (telecom circle code) auto-buy searches; any region when empty.', example: 'KA' }),
  type: z.preprocess((v) => (v === '' ? undefined : v), numberTypeSchema.default('local')),
});

async function loadClient(q: Queryable, ctx: PartnerCtx, clientId: string) {
  const [client] = await q.select({ id: clients.id }).from(clients).where(and(eq(clients.partnerId, ctx.partnerId), eq(clients.id, clientId))).limit(1);
  if (!client) throw notFound('Client');
  return client;
}

export async function poolSettingsOf(q: Queryable, clientId: string): Promise<PoolSettings> {
  const [row] = await q.select().from(maskingPoolSettings).where(eq(maskingPoolSettings.clientId, clientId)).limit(1);
  return row ? { autoBuy: row.autoBuy, maxPoolSize: row.maxPoolSize, region: row.region, type: row.type } : defaultPoolSettings;
}

export async function getPoolSettings(ctx: PartnerCtx, clientId: string): Promise<PoolSettings> {
  requirePartnerRole(ctx, 'member');
  await loadClient(getDb(), ctx, clientId);
  return poolSettingsOf(getDb(), clientId);
}

/** Turns auto-buy on or off for a client's pool and bounds it; audited with before and after. */
export async function setPoolSettings(ctx: PartnerCtx, clientId: string, input: Untrusted<z.input<typeof poolSettingsSchema>>): Promise<PoolSettings> {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(poolSettingsSchema, input);
  return getDb().transaction(async (tx) => {
    await loadClient(tx, ctx, clientId);
    const before = await poolSettingsOf(tx, clientId);
    await tx
      .insert(maskingPoolSettings)
      .values({ clientId, partnerId: ctx.partnerId, ...data })
      .onConflictDoUpdate({ target: maskingPoolSettings.clientId, set: data });
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'masking_pool.settings_updated', targetType: 'client', targetId: clientId, before, after: data });
    return data;
  });
}

/**
 * Puts one of a client's numbers in its masking pool, or takes it out. Only an active number (bought and
 * provisioned, not suspended) may bridge calls; a number still carrying an open session cannot leave the pool
 * (its parties would lose their bridge), so that is a 409 until the session ends.
 */
export async function setNumberMasking(ctx: PartnerCtx, numberId: string, masking: boolean, via: 'manual' | 'auto_buy' = 'manual') {
  requirePartnerRole(ctx, 'admin');
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .select({ id: numbers.id, e164: numbers.e164, clientId: numbers.clientId, status: numbers.status, masking: numbers.masking, assignment: numberAssignments.status })
      .from(numbers)
      .leftJoin(numberAssignments, and(eq(numberAssignments.numberId, numbers.id), ne(numberAssignments.status, 'released')))
      .where(and(eq(numbers.id, numberId), eq(numbers.partnerId, ctx.partnerId)))
      .limit(1)
      .for('update', { of: numbers });
    if (!row || (row.status !== 'assigned' && row.status !== 'quarantined')) throw notFound('Number');
    if (row.masking === masking) return { id: row.id, e164: row.e164, clientId: row.clientId!, masking };
    if (masking && (row.status !== 'assigned' || row.assignment !== 'active')) throw new AppError('conflict', 'Only an active number can be in a masking pool: this one is released, suspended or still provisioning.');
    if (!masking) {
      const [open] = await tx
        .select({ id: maskingAllocations.id })
        .from(maskingAllocations)
        .where(and(eq(maskingAllocations.numberId, numberId), isNull(maskingAllocations.releasedAt)))
        .limit(1);
      if (open) throw new AppError('conflict', 'Sessions are still open on this number; end them (or let them expire) before taking it out of the pool.');
    }
    await tx.update(numbers).set({ masking }).where(eq(numbers.id, numberId));
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: masking ? 'masking_pool.number_added' : 'masking_pool.number_removed', targetType: 'number', targetId: numberId, before: { masking: !masking }, after: { masking, client_id: row.clientId, via } });
    return { id: row.id, e164: row.e164, clientId: row.clientId!, masking };
  });
}

/** Several clients' pool settings at once (the console's pool list), defaults for those never set. */
export async function poolSettingsForClients(ctx: PartnerCtx, clientIds: string[]): Promise<Map<string, PoolSettings>> {
  requirePartnerRole(ctx, 'member');
  const rows = clientIds.length
    ? await getDb()
        .select()
        .from(maskingPoolSettings)
        .where(and(eq(maskingPoolSettings.partnerId, ctx.partnerId), inArray(maskingPoolSettings.clientId, clientIds)))
    : [];
  const byClient = new Map(rows.map((row) => [row.clientId, { autoBuy: row.autoBuy, maxPoolSize: row.maxPoolSize, region: row.region, type: row.type } satisfies PoolSettings]));
  return new Map(clientIds.map((id) => [id, byClient.get(id) ?? defaultPoolSettings]));
}
