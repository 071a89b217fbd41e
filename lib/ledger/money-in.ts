import { z } from 'zod';
import { getDb } from '@/db';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/audit/context';
import { requireOperator } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { emitEvent } from '@/lib/events/emit-event';
import { getPartner } from '@/lib/partners/get-partner';
import { accountKeyString } from './accounts';
import { partnerBook } from './books';
import { formatInr } from './format';
import { announceLowBalances } from './low-balance';
import { postSet } from './post-set';

const positivePaise = z.coerce.bigint('Give the amount in paise, as a whole number.').refine((v) => v > 0n, 'The amount must be more than zero.');

export const creditPartnerSchema = z.object({
  partnerId: z.string().min(1),
  amount: positivePaise,
  /** The payment's reference, such as a bank UTR: a reference is credited once. */
  reference: z.string().trim().min(4, 'Give the payment’s reference (such as the bank UTR).').max(64, 'Use at most 64 characters.').regex(/^[A-Za-z0-9/_-]+$/, 'Use letters, digits, -, _ and / only.'),
  memo: z.string().trim().max(500).optional(),
});

/**
 * The operator records a payment received from a partner: its prepaid balance grows. The reference is the
 * ledger key, so the same payment (bank UTR) entered twice is credited once; the second time is refused
 * unless it is exactly the same entry, which is replayed.
 */
export async function creditPartner(ctx: Ctx, input: Untrusted<z.input<typeof creditPartnerSchema>>) {
  requireOperator(ctx);
  const data = parseInput(creditPartnerSchema, input);
  const partner = await getPartner(ctx, data.partnerId);
  const book = partnerBook(partner.id);
  return getDb().transaction(async (tx) => {
    const posted = await postSet(tx, ctx, {
      partnerId: partner.id,
      kind: 'top_up',
      idempotencyKey: `payment:${data.reference}`,
      legs: [{ debit: book.operatorFunding(), credit: book.prepaid, amount: data.amount, kind: 'top_up', reference: data.reference, memo: data.memo ?? null }],
    }).catch((error) => {
      if (error instanceof AppError && error.code === 'ledger_key_conflict') throw new AppError('conflict', `The payment ${data.reference} was already credited with another amount.`, { reference: `The payment ${data.reference} was already credited.` });
      throw error;
    });
    const balance = posted.accounts.get(posted.accountIds.get(accountKeyString(book.prepaid)) ?? '')?.balance ?? null;
    if (!posted.replayed) {
      await recordAudit(tx, ctx, { partnerId: partner.id, action: 'partner.balance_credited', targetType: 'partner', targetId: partner.id, after: { amount: String(data.amount), reference: data.reference, memo: data.memo ?? null } });
      await emitEvent(tx, partner.id, 'wallet.credited', { wallet: 'partner_prepaid', amount: Number(data.amount), balance: Number(balance), reference: data.reference });
    }
    return { transferId: posted.transfers[0]!.id, amount: data.amount, balance, replayed: posted.replayed };
  });
}

export const adjustPartnerSchema = z.object({
  partnerId: z.string().min(1),
  /** Paise, positive to add, negative to take away. */
  amount: z.coerce.bigint('Give the amount in paise, as a whole number.').refine((v) => v !== 0n, 'An adjustment of zero changes nothing.'),
  reason: z.string().trim().min(3, 'Give a reason of at least 3 characters.').max(500, 'Use at most 500 characters.'),
});

/** An operator's correction of a partner's prepaid balance, with its reason; it can never take it below zero. */
export async function adjustPartnerBalance(ctx: Ctx, input: Untrusted<z.input<typeof adjustPartnerSchema>>) {
  requireOperator(ctx);
  const data = parseInput(adjustPartnerSchema, input);
  const partner = await getPartner(ctx, data.partnerId);
  const book = partnerBook(partner.id);
  const up = data.amount > 0n;
  const amount = up ? data.amount : -data.amount;
  return getDb().transaction(async (tx) => {
    const posted = await postSet(tx, ctx, {
      partnerId: partner.id,
      kind: 'adjustment',
      legs: [{ debit: up ? book.operatorFunding() : book.prepaid, credit: up ? book.prepaid : book.operatorFunding(), amount, kind: 'adjustment', memo: data.reason }],
    }).catch((error) => {
      if (error instanceof AppError && error.code === 'partner_insufficient_funds') throw new AppError('validation_failed', `The balance cannot go below zero: at most ${formatInr(amount - BigInt(error.extensions!.shortfall as number))} can be taken away.`, { amount: error.message });
      throw error;
    });
    const balance = posted.accounts.get(posted.accountIds.get(accountKeyString(book.prepaid))!)!.balance;
    await recordAudit(tx, ctx, { partnerId: partner.id, action: 'partner.balance_adjusted', targetType: 'partner', targetId: partner.id, after: { amount: String(data.amount), reason: data.reason, balance: String(balance) } });
    if (up) await emitEvent(tx, partner.id, 'wallet.credited', { wallet: 'partner_prepaid', amount: Number(amount), balance: Number(balance), reference: null, reason: data.reason });
    else await announceLowBalances(tx, partner.id, posted);
    return { transferId: posted.transfers[0]!.id, amount: data.amount, balance };
  });
}

