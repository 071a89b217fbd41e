import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Tx } from '@/db';
import { ledgerAccounts } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { emitEvent } from '@/lib/events/emit-event';
import { queueTemplatedEmail } from '@/lib/email-templates/queue-templated-email';
import { adminRecipients } from '@/lib/team/admin-recipients';
import { partnerHomeUrl } from '@/lib/tenancy/partner-home-url';
import { resolveAccounts, accountKeyString } from './accounts';
import { partnerBook, clientOf } from './books';
import { formatInr } from './format';
import type { PostedSet } from './post-set';

/**
 * Raises the low-balance event for every account of a set that crossed its threshold going down. The crossing
 * is read from the balance before and after this set, both known under the account's lock, so it is seen by
 * exactly one set: once per crossing, never on every later charge, and again only after a top-up above it. The
 * e-mail goes with the event: to the client for its wallet, to the partner's owners and admins for its prepaid.
 */
export async function announceLowBalances(tx: Tx, partnerId: string, posted: PostedSet): Promise<void> {
  const crossed = [...posted.accounts.values()].filter((a) => a.lowBalanceThreshold !== null && a.before >= a.lowBalanceThreshold && a.balance - a.held < a.lowBalanceThreshold);
  if (!crossed.length) return;
  const rows = await tx.select({ id: ledgerAccounts.id, kind: ledgerAccounts.kind, clientId: ledgerAccounts.clientId }).from(ledgerAccounts).where(inArray(ledgerAccounts.id, crossed.map((a) => a.id)));
  for (const row of rows) {
    const account = posted.accounts.get(row.id)!;
    const available = account.balance - account.held;
    const threshold = account.lowBalanceThreshold!;
    const data = { balance: Number(available), threshold: Number(threshold) };
    const amounts = { available: formatInr(available), threshold: formatInr(threshold) };
    if (row.kind === 'client_wallet' && row.clientId) {
      await emitEvent(tx, partnerId, 'wallet.low_balance', { client_id: row.clientId, wallet: 'client_wallet', ...data });
      const client = await clientOf(tx, partnerId, row.clientId);
      await queueTemplatedEmail(tx, { partnerId, clientId: row.clientId, to: client.email, type: 'wallet_low_balance', template: 'low-balance', values: { 'client.name': client.name, 'balance.available': amounts.available, 'balance.threshold': amounts.threshold } });
    }
    if (row.kind === 'partner_prepaid') {
      await emitEvent(tx, partnerId, 'partner.balance_low', { wallet: 'partner_prepaid', ...data });
      const { emails } = await adminRecipients(tx, partnerId);
      const url = await partnerHomeUrl(tx, partnerId, '/billing');
      for (const to of emails) {
        await queueTemplatedEmail(tx, { partnerId, to, type: 'prepaid_low_balance', template: 'low-balance', values: { 'balance.available': amounts.available, 'balance.threshold': amounts.threshold, 'link.url': url } });
      }
    }
  }
}

export const setLowBalanceSchema = z.object({
  /** A client's wallet; without one, the partner's prepaid balance. */
  clientId: z.string().min(1).optional(),
  /** Paise; null switches the alert off. */
  threshold: z.union([z.null(), z.coerce.bigint('Give the threshold in paise.').refine((v) => v >= 0n, 'A threshold cannot be negative.')]),
});

export async function setLowBalanceThreshold(ctx: PartnerCtx, input: Untrusted<z.input<typeof setLowBalanceSchema>>) {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(setLowBalanceSchema, input);
  return getDb().transaction(async (tx) => {
    const book = partnerBook(ctx.partnerId);
    if (data.clientId) await clientOf(tx, ctx.partnerId, data.clientId);
    const key = data.clientId ? book.wallet(data.clientId) : book.prepaid;
    const id = (await resolveAccounts(tx, [key])).get(accountKeyString(key))!;
    await tx.update(ledgerAccounts).set({ lowBalanceThreshold: data.threshold }).where(and(eq(ledgerAccounts.id, id), eq(ledgerAccounts.partnerId, ctx.partnerId)));
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'wallet.low_balance_threshold_set', targetType: data.clientId ? 'client' : 'partner', targetId: data.clientId ?? ctx.partnerId, after: { threshold: data.threshold === null ? null : String(data.threshold) } });
    return { threshold: data.threshold };
  });
}
