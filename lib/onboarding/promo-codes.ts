import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { promoCodes } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { conflict, notFound } from '@/lib/errors/app-error';
import { isUniqueViolation } from '@/lib/errors/postgres';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { storableDate } from '@/lib/dates/storable-date';

export const promoCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9_-]{3,40}$/, 'Use 3–40 letters, digits, hyphens or underscores.'),
  description: z.string().trim().max(200, 'Use at most 200 characters.').optional().transform((v) => v || null),
  expiresAt: z
    .union([z.literal(''), storableDate('Enter a valid date.')])
    .optional()
    .transform((v) => (v instanceof Date ? v : null)),
});

/**
 * Promo codes a partner hands out. Registration checks and stores the code; what it is worth is billing's
 * business (a later capability).
 */
export async function listPromoCodes(ctx: PartnerCtx) {
  requirePartnerRole(ctx, 'member');
  return getDb().select().from(promoCodes).where(eq(promoCodes.partnerId, ctx.partnerId)).orderBy(asc(promoCodes.code));
}

export async function createPromoCode(ctx: PartnerCtx, input: Untrusted<z.input<typeof promoCodeSchema>>) {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(promoCodeSchema, input);
  try {
    return await getDb().transaction(async (tx) => {
      const [row] = await tx.insert(promoCodes).values({ partnerId: ctx.partnerId, code: data.code, description: data.description, expiresAt: data.expiresAt }).returning();
      await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'promo_code.created', targetType: 'promo_code', targetId: row!.id, after: { code: data.code } });
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'promo_codes_partner_code_key')) throw conflict('This code already exists.', 'code');
    throw error;
  }
}

export async function deletePromoCode(ctx: PartnerCtx, promoCodeId: string) {
  requirePartnerRole(ctx, 'admin');
  await getDb().transaction(async (tx) => {
    const [row] = await tx.delete(promoCodes).where(and(eq(promoCodes.id, promoCodeId), eq(promoCodes.partnerId, ctx.partnerId))).returning();
    if (!row) throw notFound('Promo code');
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'promo_code.deleted', targetType: 'promo_code', targetId: row.id, before: { code: row.code } });
  });
}
