import { and, desc, eq, lte, ne } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Tx } from '@/db';
import { numberAssignments, numbers, type NumberRow } from '@/db/schema';
import { systemCtx, type Ctx, type PartnerCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { AppError, notFound } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { emitEvent } from '@/lib/events/emit-event';
import { inventoryCarrierNamed } from '@/lib/providers/carrier';
import { environmentOf } from './environment';
import { numberRefSchema, ownNumber } from './number-lookup';
import { numberSettingsOf } from './settings';

export const releaseNumberSchema = z.object({
  number: numberRefSchema,
  /** When given, the number must be this client's (the IVR Solutions face names both). */
  clientId: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().min(1).max(64).optional()),
});

export const recallNumberSchema = z.object({ number: numberRefSchema, clientId: z.string('Name the client that released it.').trim().min(1).max(64) });

export type ReleasedNumber = { id: string; number: string; clientId: string; status: 'quarantined'; reusableAfter: Date };

/** Ends a tenure and puts the number in quarantine; the worker returns it to the inventory after. */
export async function quarantine(tx: Tx, ctx: Ctx, number: NumberRow, reason: 'client' | 'unpaid', now: Date): Promise<ReleasedNumber> {
  const settings = await numberSettingsOf(tx, number.partnerId!);
  const reusableAfter = new Date(now.getTime() + settings.quarantineDays * 86_400_000);
  await tx
    .update(numberAssignments)
    .set({ status: 'released', releasedAt: now, releaseReason: reason, graceEndsAt: null })
    .where(and(eq(numberAssignments.numberId, number.id), ne(numberAssignments.status, 'released')));
  await tx.update(numbers).set({ status: 'quarantined', reusableAfter, masking: false }).where(eq(numbers.id, number.id));
  await recordAudit(tx, ctx, { partnerId: number.partnerId, action: 'number.released', targetType: 'number', targetId: number.id, before: { status: number.status, client_id: number.clientId }, after: { status: 'quarantined', reason, reusable_after: reusableAfter.toISOString() } });
  await emitEvent(tx, number.partnerId!, 'number.released', { number_id: number.id, number: number.e164, client_id: number.clientId, reason, reusable_after: reusableAfter.toISOString() });
  return { id: number.id, number: number.e164, clientId: number.clientId!, status: 'quarantined', reusableAfter };
}

/** Releases a client's number into quarantine, visible with its "reusable after" date. */
export async function releaseNumber(ctx: PartnerCtx, input: Untrusted<z.input<typeof releaseNumberSchema>>, now: Date = new Date()): Promise<ReleasedNumber> {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(releaseNumberSchema, input);
  return getDb().transaction(async (tx) => {
    const environment = await environmentOf(tx, ctx.partnerId);
    const number = await ownNumber(tx, ctx.partnerId, environment, data.number, true);
    if (data.clientId && number.clientId !== data.clientId) throw notFound('Number');
    if (number.status !== 'assigned') throw new AppError('conflict', number.status === 'quarantined' ? 'This number is already released.' : 'This number is not assigned to a client.');
    const [open] = await tx.select({ status: numberAssignments.status }).from(numberAssignments).where(and(eq(numberAssignments.numberId, number.id), ne(numberAssignments.status, 'released'))).limit(1);
    if (open?.status === 'provisioning') throw new AppError('conflict', 'This number is still being provisioned; release it once it is active.');
    return quarantine(tx, ctx, number, 'client', now);
  });
}

/** Gives a quarantined number back to the client that released it, before its "reusable after" date. */
export async function recallNumber(ctx: PartnerCtx, input: Untrusted<z.input<typeof recallNumberSchema>>, now: Date = new Date()) {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(recallNumberSchema, input);
  return getDb().transaction(async (tx) => {
    const environment = await environmentOf(tx, ctx.partnerId);
    const number = await ownNumber(tx, ctx.partnerId, environment, data.number, true);
    if (number.status !== 'quarantined' || number.clientId !== data.clientId || !number.reusableAfter || number.reusableAfter <= now) {
      throw new AppError('recall_window_closed', 'Only the client that released this number may recall it, while it is in quarantine.');
    }
    const [tenure] = await tx
      .select()
      .from(numberAssignments)
      .where(and(eq(numberAssignments.numberId, number.id), eq(numberAssignments.clientId, data.clientId)))
      .orderBy(desc(numberAssignments.id))
      .limit(1);
    await tx.update(numberAssignments).set({ status: 'active', releasedAt: null, releaseReason: null, suspendedAt: null, graceEndsAt: null }).where(eq(numberAssignments.id, tenure!.id));
    await tx.update(numbers).set({ status: 'assigned', reusableAfter: null }).where(eq(numbers.id, number.id));
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'number.recalled', targetType: 'number', targetId: number.id, after: { client_id: data.clientId } });
    return { id: number.id, number: number.e164, clientId: data.clientId, status: 'assigned' as const };
  });
}

/**
 * The worker's sweep: numbers whose quarantine ended go back to the inventory (a real carrier's number is
 * unrented, so the carrier may offer it again; buying it later rents it anew).
 */
export async function endQuarantines(now: Date = new Date(), limit = 100): Promise<number> {
  const due = await getDb().select().from(numbers).where(and(eq(numbers.status, 'quarantined'), lte(numbers.reusableAfter, now))).limit(limit);
  let ended = 0;
  for (const number of due) {
    if (number.carrier !== 'simulator') {
      const answer = await inventoryCarrierNamed(number.carrier, number.environment).release({ e164: number.e164, carrierRef: number.carrierRef }).catch(() => null);
      if (answer?.status !== 'released') continue;
    }
    await getDb().transaction(async (tx) => {
      const [changed] = await tx
        .update(numbers)
        .set({ status: 'available', partnerId: null, clientId: null, reusableAfter: null, carrierRef: null })
        .where(and(eq(numbers.id, number.id), eq(numbers.status, 'quarantined')))
        .returning();
      if (changed) await recordAudit(tx, systemCtx, { partnerId: number.partnerId, action: 'number.reusable', targetType: 'number', targetId: number.id, before: { status: 'quarantined', client_id: number.clientId } });
    });
    ended += 1;
  }
  return ended;
}
