import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { ledgerNow } from './clock';
import { commissions, ledgerAccounts, ledgerTransfers } from '@/db/schema';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from '@/lib/audit/record-audit';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { AppError, notFound } from '@/lib/errors/app-error';
import { isUniqueViolation } from '@/lib/errors/postgres';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { emitEvent } from '@/lib/events/emit-event';
import { postSet, type Leg } from './post-set';

export const refundChargeSchema = z.object({
  chargeId: z.string().min(1),
  reason: z.string().trim().min(3, 'Give a reason of at least 3 characters.').max(500, 'Use at most 500 characters.'),
});

const debit = alias(ledgerAccounts, 'debit');
const credit = alias(ledgerAccounts, 'credit');

/**
 * Reverses a charge exactly: each of its transfers runs back (the client's wallet gets the retail price, the
 * partner's prepaid balance the wholesale price) as one linked set, and the commission is reversed with a
 * negative row. A charge is refunded once: the unique index on `reverses_id` makes a second attempt fail even
 * when two race. Revenue accounts have no floor, so a refund never fails for lack of funds.
 */
export async function refundCharge(ctx: PartnerCtx, input: Untrusted<z.input<typeof refundChargeSchema>>) {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(refundChargeSchema, input);
  try {
    return await getDb().transaction(async (tx) => {
      const legs = await tx
        .select({ transfer: ledgerTransfers, debit, credit })
        .from(ledgerTransfers)
        .innerJoin(debit, eq(debit.id, ledgerTransfers.debitAccountId))
        .innerJoin(credit, eq(credit.id, ledgerTransfers.creditAccountId))
        .where(and(eq(ledgerTransfers.setId, data.chargeId), eq(ledgerTransfers.partnerId, ctx.partnerId), eq(ledgerTransfers.kind, 'charge'), eq(ledgerTransfers.status, 'posted')))
        .orderBy(ledgerTransfers.id);
      if (!legs.length) throw notFound('Charge');
      const reversal: Leg[] = legs.map(({ transfer, debit: from, credit: to }) => ({
        debit: { partnerId: to.partnerId, kind: to.kind, unit: to.unit, clientId: to.clientId },
        credit: { partnerId: from.partnerId, kind: from.kind, unit: from.unit, clientId: from.clientId },
        amount: transfer.amount,
        kind: 'refund',
        reversesId: transfer.id,
        clientId: transfer.clientId,
        product: transfer.product,
        objectId: transfer.objectId,
        memo: data.reason,
      }));
      const posted = await postSet(tx, ctx, { partnerId: ctx.partnerId, kind: 'refund', idempotencyKey: `refund:${data.chargeId}`, legs: reversal });
      if (posted.replayed) throw new AppError('already_refunded', 'This charge was refunded already.');
      const [original] = await tx.select().from(commissions).where(and(eq(commissions.setId, data.chargeId), eq(commissions.partnerId, ctx.partnerId)));
      const retail = original?.retail ?? 0n;
      const wholesale = original?.wholesale ?? 0n;
      if (original) {
        await tx.insert(commissions).values({ partnerId: ctx.partnerId, clientId: original.clientId, setId: posted.setId, product: original.product, objectId: original.objectId, retail: -retail, wholesale: -wholesale, commission: -(retail - wholesale), createdAt: ledgerNow() });
      }
      const payload = { refund_id: posted.setId, charge_id: data.chargeId, client_id: original?.clientId ?? null, product: original?.product ?? null, retail: Number(retail), wholesale: Number(wholesale), commission: Number(retail - wholesale), reason: data.reason };
      await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'charge.refunded', targetType: 'charge', targetId: data.chargeId, after: payload });
      await emitEvent(tx, ctx.partnerId, 'charge.refunded', payload);
      return { refundId: posted.setId, chargeId: data.chargeId, retail, wholesale, commission: retail - wholesale };
    });
  } catch (error) {
    // However it is noticed (the set's key, or the unique reversal of each transfer), a second refund is refused.
    if ((error instanceof AppError && error.code === 'ledger_key_conflict') || isUniqueViolation(error, 'ledger_transfers_reverses_key') || isUniqueViolation(error, 'ledger_sets_partner_key')) throw new AppError('already_refunded', 'This charge was refunded already.');
    throw error;
  }
}
