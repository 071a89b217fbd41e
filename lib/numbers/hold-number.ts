import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { numberHolds, numbers } from '@/db/schema';
import { actorOf } from './actor';
import type { PartnerCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { emitEvent } from '@/lib/events/emit-event';
import { clientOf } from '@/lib/ledger/books';
import { environmentOf } from './environment';
import { findNumber, numberRefSchema } from './number-lookup';

/** How long a hold reserves a number between search and purchase. */
export const holdMinutes = 10;

export const holdNumberSchema = z.object({
  number: numberRefSchema.meta({ description: 'The number’s id (from a search) or the number in E.164.', example: '+911143104501' }),
  clientId: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().min(1).max(64).optional()).meta({ description: 'The client it is held for (optional).' }),
});

export type NumberHoldView = { id: string; numberId: string; number: string; clientId: string | null; expiresAt: Date; replayed: boolean };

export const unavailable = (message = 'Another buyer took or holds this number; search again.') => new AppError('number_unavailable', message);

/**
 * Holds an available number for ten minutes: no other partner can hold or buy it until then. Holding a number
 * the caller already holds answers with that hold. A lapsed hold counts as available.
 */
export async function holdNumber(ctx: PartnerCtx, input: Untrusted<z.input<typeof holdNumberSchema>>, now: Date = new Date()): Promise<NumberHoldView> {
  requirePartnerRole(ctx, 'member');
  const data = parseInput(holdNumberSchema, input);
  return getDb().transaction(async (tx) => {
    const environment = await environmentOf(tx, ctx.partnerId);
    if (data.clientId) await clientOf(tx, ctx.partnerId, data.clientId);
    const number = await findNumber(tx, environment, data.number, true);
    const live = number.status === 'held' && number.holdExpiresAt && number.holdExpiresAt > now;
    if (live && number.partnerId === ctx.partnerId) {
      const [hold] = await tx.select().from(numberHolds).where(and(eq(numberHolds.numberId, number.id), eq(numberHolds.status, 'active'))).limit(1);
      if (hold && (!data.clientId || hold.clientId === data.clientId)) return { id: hold.id, numberId: number.id, number: number.e164, clientId: hold.clientId, expiresAt: hold.expiresAt, replayed: true };
      throw unavailable('You hold this number for another client; buy it for that client or let the hold lapse.');
    }
    if (live || (number.status !== 'available' && number.status !== 'held')) throw unavailable();
    // A lapsed hold of someone else's: close it before taking the number.
    await tx.update(numberHolds).set({ status: 'expired' }).where(and(eq(numberHolds.numberId, number.id), eq(numberHolds.status, 'active')));
    const expiresAt = new Date(now.getTime() + holdMinutes * 60_000);
    const [hold] = await tx
      .insert(numberHolds)
      .values({ numberId: number.id, partnerId: ctx.partnerId, clientId: data.clientId ?? null, expiresAt, ...actorOf(ctx) })
      .returning();
    await tx.update(numbers).set({ status: 'held', partnerId: ctx.partnerId, clientId: data.clientId ?? null, holdExpiresAt: expiresAt }).where(eq(numbers.id, number.id));
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'number.held', targetType: 'number', targetId: number.id, after: { number: number.e164, client_id: data.clientId ?? null, expires_at: expiresAt.toISOString() } });
    await emitEvent(tx, ctx.partnerId, 'number.held', { hold_id: hold!.id, number_id: number.id, number: number.e164, client_id: data.clientId ?? null, expires_at: expiresAt.toISOString() });
    return { id: hold!.id, numberId: number.id, number: number.e164, clientId: hold!.clientId, expiresAt, replayed: false };
  });
}

/** The caller's live holds, soonest to lapse first (the console shows their countdowns). */
export async function listHolds(ctx: PartnerCtx, now: Date = new Date()) {
  requirePartnerRole(ctx, 'member');
  const rows = await getDb()
    .select({ id: numberHolds.id, numberId: numbers.id, number: numbers.e164, type: numbers.type, region: numbers.region, clientId: numberHolds.clientId, expiresAt: numberHolds.expiresAt })
    .from(numberHolds)
    .innerJoin(numbers, eq(numbers.id, numberHolds.numberId))
    .where(and(eq(numberHolds.partnerId, ctx.partnerId), eq(numberHolds.status, 'active')))
    .orderBy(numberHolds.expiresAt);
  return rows.filter((row) => row.expiresAt > now);
}
