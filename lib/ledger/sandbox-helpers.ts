import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { partners } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { accountKeyString } from './accounts';
import { partnerBook } from './books';
import { chargeClient, chargeClientSchema } from './charge-client';
import { postSet } from './post-set';

/**
 * Test-mode helpers, like a payment provider's test clocks: a sandbox has no bank to pay from and no
 * capabilities charging yet, so these let a partner fund its sandbox and make charges to try its billing
 * integration end to end. Refused on a live partner.
 */
async function requireSandbox(ctx: PartnerCtx) {
  const [row] = await getDb().select({ kind: partners.kind }).from(partners).where(eq(partners.id, ctx.partnerId)).limit(1);
  if (row?.kind !== 'sandbox') throw new AppError('forbidden', 'Only in test mode: use an sk_test_ key (live balances grow only from payments the platform records).');
}

export const simulateTopUpSchema = z.object({ amount: z.coerce.bigint().refine((v) => v > 0n && v <= 100_000_000_00n, 'Give 1 paisa to ₹10,00,00,000.') });

export async function simulateSandboxTopUp(ctx: PartnerCtx, input: Untrusted<z.input<typeof simulateTopUpSchema>>) {
  requirePartnerRole(ctx, 'admin');
  await requireSandbox(ctx);
  const data = parseInput(simulateTopUpSchema, input);
  const book = partnerBook(ctx.partnerId);
  return getDb().transaction(async (tx) => {
    const posted = await postSet(tx, ctx, { partnerId: ctx.partnerId, kind: 'top_up', legs: [{ debit: book.operatorFunding(), credit: book.prepaid, amount: data.amount, kind: 'top_up', memo: 'Simulated payment (test mode)' }] });
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'partner.balance_credited', targetType: 'partner', targetId: ctx.partnerId, after: { amount: String(data.amount), simulated: true } });
    return { amount: data.amount, balance: posted.accounts.get(posted.accountIds.get(accountKeyString(book.prepaid))!)!.balance };
  });
}

export async function simulateCharge(ctx: PartnerCtx, input: Untrusted<z.input<typeof chargeClientSchema>>) {
  await requireSandbox(ctx);
  return chargeClient(ctx, input);
}
