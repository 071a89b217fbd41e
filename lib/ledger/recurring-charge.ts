import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Queryable } from '@/db';
import { recurringCharges, type LedgerUnit, type RecurringCharge } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { periodKeySchema } from '@/lib/periods/ist-month';
import { products, productSchema } from '@/lib/prices/products';
import { chargeInTransaction } from './charge-client';

export const recurringChargeSchema = z.object({
  clientId: z.string().min(1),
  product: productSchema,
  /** What the period pays for, by its id: a number, an agent seat, a bot, a WhatsApp number. */
  subjectId: z.string().trim().min(1).max(200),
  /** The IST month it pays for (`periodOf(now).key` for a renewal now). */
  period: periodKeySchema,
  memo: z.string().trim().max(500).optional(),
});

export type RecurringChargeInput = z.input<typeof recurringChargeSchema>;

/**
 * What happened, for the caller's grace → suspend policy: `charged` now; `already_charged` for this subject
 * and period before (by this worker or another), nothing moved now; `cannot_pay`: nothing moved, and `side`
 * says whose balance lacks `shortfall` (the client's wallet or the partner's prepaid balance).
 */
export type RecurringChargeResult =
  | { outcome: 'charged'; period: string; chargeId: string; retail: bigint; wholesale: bigint; commission: bigint; walletBalance: bigint | null; prepaidBalance: bigint | null }
  | { outcome: 'already_charged'; period: string; chargeId: string; retail: bigint; wholesale: bigint; chargedAt: Date }
  | { outcome: 'cannot_pay'; period: string; side: 'client' | 'partner'; code: 'client_insufficient_funds' | 'partner_insufficient_funds'; shortfall: bigint; unit: LedgerUnit; message: string };

const keyOf = (data: { product: string; subjectId: string; period: string }) => `recurring:${data.product}:${data.subjectId}:${data.period}`;

async function chargedBefore(q: Queryable, partnerId: string, data: { product: string; subjectId: string; period: string }) {
  const [row] = await q
    .select()
    .from(recurringCharges)
    .where(and(eq(recurringCharges.partnerId, partnerId), eq(recurringCharges.product, data.product), eq(recurringCharges.subjectId, data.subjectId), eq(recurringCharges.period, data.period)))
    .limit(1);
  return row ?? null;
}

const already = (row: RecurringCharge): RecurringChargeResult => ({ outcome: 'already_charged', period: row.period, chargeId: row.setId, retail: row.retail, wholesale: row.wholesale, chargedAt: row.createdAt });

/**
 * Charges a client once per (product, subject, IST period): its wallet at the partner's retail price and the
 * partner's prepaid balance at wholesale, as one linked set (chargeClient's rules, commission included).
 *
 * Safe under any number of workers at once: the charge carries the ledger key `recurring:<product>:<subject>:
 * <period>`, which is inserted before any balance is locked, so a second worker waits on that key's unique
 * index and then sees the first one's outcome: its charge (`already_charged`) or, when the first could not pay
 * and rolled back, a free key to try itself. The recurring row is written in the same transaction; reading it
 * first answers a retry in a later month without recomputing the price (which may have changed since).
 */
export async function chargeRecurring(ctx: PartnerCtx, input: Untrusted<RecurringChargeInput>): Promise<RecurringChargeResult> {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(recurringChargeSchema, input);
  const db = getDb();
  const before = await chargedBefore(db, ctx.partnerId, data);
  if (before) return already(before);
  const memo = data.memo ?? `${products[data.product].name}, ${data.period}`;
  try {
    const charged = await db.transaction((tx) =>
      chargeInTransaction(tx, ctx, { clientId: data.clientId, product: data.product, quantity: 1, objectId: data.subjectId, idempotencyKey: keyOf(data), memo }, {
        beforeLock: async (setId, price) => {
          await tx.insert(recurringCharges).values({ partnerId: ctx.partnerId, clientId: data.clientId, product: data.product, subjectId: data.subjectId, period: data.period, setId, ...price });
        },
      }),
    );
    if (charged.replayed) return already((await chargedBefore(db, ctx.partnerId, data))!);
    const { chargeId, retail, wholesale, commission, walletBalance, prepaidBalance } = charged;
    return { outcome: 'charged', period: data.period, chargeId, retail, wholesale, commission, walletBalance, prepaidBalance };
  } catch (error) {
    if (error instanceof AppError && (error.code === 'client_insufficient_funds' || error.code === 'partner_insufficient_funds')) {
      const { shortfall, unit } = error.extensions as { shortfall: number; unit: LedgerUnit };
      return { outcome: 'cannot_pay', period: data.period, side: error.code === 'client_insufficient_funds' ? 'client' : 'partner', code: error.code, shortfall: BigInt(shortfall), unit, message: error.message };
    }
    // Another worker charged this period at a price changed in between: the key's request differs, the row is there.
    if (error instanceof AppError && error.code === 'ledger_key_conflict') {
      const row = await chargedBefore(db, ctx.partnerId, data);
      if (row) return already(row);
    }
    throw error;
  }
}

/** The periods a subject has been charged for, newest first. */
export async function recurringChargesOf(ctx: PartnerCtx, subjectId: string): Promise<RecurringCharge[]> {
  requirePartnerRole(ctx, 'member');
  return getDb().select().from(recurringCharges).where(and(eq(recurringCharges.partnerId, ctx.partnerId), eq(recurringCharges.subjectId, subjectId))).orderBy(desc(recurringCharges.period));
}
