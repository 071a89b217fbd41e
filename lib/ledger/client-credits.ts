import { and, eq, gt, inArray, isNotNull, isNull, lte, ne, or } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Tx } from '@/db';
import { clientValidity } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { emitEvent } from '@/lib/events/emit-event';
import { queueTemplatedEmail } from '@/lib/email-templates/queue-templated-email';
import { accountKeyString } from './accounts';
import { clientOf, partnerBook } from './books';
import { postSet } from './post-set';
import { storableDate } from '@/lib/dates/storable-date';

const indiaTime = new Intl.DateTimeFormat('en-IN', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Kolkata' });

export const addClientCreditsSchema = z
  .object({
    clientId: z.string().min(1),
    /** Paise to add to the client's wallet. */
    amount: z.coerce.bigint('Give the amount in paise, as a whole number.').refine((v) => v > 0n, 'The amount must be more than zero.').optional(),
    /** The new end of the client's validity. */
    validTill: storableDate('Give a valid date and time.').optional(),
    memo: z.string().trim().max(500).optional(),
    idempotencyKey: z.string().trim().min(1).max(255).optional(),
  })
  .refine((v) => v.amount !== undefined || v.validTill !== undefined, { message: 'Give credits, a new validity, or both.', path: ['amount'] });

export type ClientWalletChange = { clientId: string; amount: bigint | null; balance: bigint | null; validTill: Date | null; resumed: boolean; replayed: boolean };

/**
 * Adds credits to a client's wallet and/or sets its validity, atomically (IVR Solutions' add_client_credits):
 * both change or neither. The credits come from the partner's own funding (it collected them from its client);
 * an expired client whose validity moves into the future resumes.
 */
export async function addClientCredits(ctx: PartnerCtx, input: Untrusted<z.input<typeof addClientCreditsSchema>>, now: Date = new Date()): Promise<ClientWalletChange> {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(addClientCreditsSchema, input);
  if (data.validTill && data.validTill.getTime() <= now.getTime()) throw new AppError('validation_failed', 'The validity must end in the future.', { validTill: 'The validity must end in the future.' });
  const book = partnerBook(ctx.partnerId);
  return getDb().transaction(async (tx) => {
    const client = await clientOf(tx, ctx.partnerId, data.clientId, true);
    let balance: bigint | null = null;
    let replayed = false;
    if (data.amount !== undefined) {
      const posted = await postSet(tx, ctx, {
        partnerId: ctx.partnerId,
        kind: 'top_up',
        idempotencyKey: data.idempotencyKey ? `credits:${data.idempotencyKey}` : null,
        legs: [{ debit: book.funding, credit: book.wallet(client.id), amount: data.amount, kind: 'top_up', clientId: client.id, memo: data.memo ?? null }],
      });
      replayed = posted.replayed;
      balance = posted.accounts.get(posted.accountIds.get(accountKeyString(book.wallet(client.id))) ?? '')?.balance ?? null;
      if (!replayed) await emitEvent(tx, ctx.partnerId, 'wallet.credited', { wallet: 'client_wallet', client_id: client.id, amount: Number(data.amount), balance: Number(balance) });
    }
    let resumed = false;
    let validTill: Date | null = null;
    if (data.validTill && !replayed) ({ resumed, validTill } = await setValidity(tx, ctx.partnerId, client.id, data.validTill));
    if (!replayed) {
      await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'client.credits_added', targetType: 'client', targetId: client.id, after: { amount: data.amount === undefined ? null : String(data.amount), valid_till: data.validTill?.toISOString() ?? null, memo: data.memo ?? null } });
    }
    return { clientId: client.id, amount: data.amount ?? null, balance, validTill, resumed, replayed };
  });
}

async function setValidity(tx: Tx, partnerId: string, clientId: string, validTill: Date) {
  const [before] = await tx.select().from(clientValidity).where(eq(clientValidity.clientId, clientId)).for('update');
  const resumed = Boolean(before?.expiredAt);
  await tx
    .insert(clientValidity)
    .values({ clientId, partnerId, validTill, expiredAt: null })
    .onConflictDoUpdate({ target: clientValidity.clientId, set: { validTill, expiredAt: null, updatedAt: new Date() } });
  await emitEvent(tx, partnerId, 'client.validity_extended', { client_id: clientId, valid_till: validTill.toISOString(), previous_valid_till: before?.validTill?.toISOString() ?? null, resumed });
  return { resumed, validTill };
}

/** A client's validity: when it ends and whether the worker suspended it. */
export async function validityOf(partnerId: string, clientId: string) {
  const [row] = await getDb().select().from(clientValidity).where(eq(clientValidity.clientId, clientId));
  return row && row.partnerId === partnerId ? { validTill: row.validTill, expired: Boolean(row.expiredAt) } : { validTill: null, expired: false };
}

/**
 * The worker's sweep: every client whose validity has passed is suspended once (`client.expired` and an
 * e-mail to the client in the partner's brand). Rows are claimed with SKIP LOCKED so several workers split them.
 * `partnerIds`: only those partners' clients (a sandbox's test clock).
 */
export async function expireClients(now: Date = new Date(), limit = 100, partnerIds?: string[]): Promise<number> {
  return getDb().transaction(async (tx) => {
    const due = await tx
      .select()
      .from(clientValidity)
      .where(and(sqlDue(now), partnerIds ? inArray(clientValidity.partnerId, partnerIds) : undefined))
      .limit(limit)
      .for('update', { skipLocked: true });
    for (const row of due) {
      await tx.update(clientValidity).set({ expiredAt: now }).where(eq(clientValidity.clientId, row.clientId));
      const client = await clientOf(tx, row.partnerId, row.clientId);
      await emitEvent(tx, row.partnerId, 'client.expired', { client_id: row.clientId, valid_till: row.validTill!.toISOString() });
      await recordAudit(tx, { actor: { type: 'system' } }, { partnerId: row.partnerId, action: 'client.expired', targetType: 'client', targetId: row.clientId, after: { valid_till: row.validTill!.toISOString() } });
      await queueTemplatedEmail(tx, { partnerId: row.partnerId, clientId: row.clientId, to: client.email, type: 'validity_expired', template: 'validity-expired', values: { 'client.name': client.name, 'validity.valid_till': indiaTime.format(row.validTill!) } });
    }
    return due.length;
  });
}

/** How long before its validity ends a client is warned. */
export const validityWarningMs = 3 * 86_400_000;

/**
 * The worker's warning sweep: a client whose validity ends within three days is told once for that end
 * (`client.validity_expiring` and an e-mail in the partner's brand); an extension to a new end warns again
 * when that one nears. SKIP LOCKED lets several workers share the rows.
 */
export async function warnExpiringClients(now: Date = new Date(), limit = 100): Promise<number> {
  return getDb().transaction(async (tx) => {
    const due = await tx
      .select()
      .from(clientValidity)
      .where(
        and(
          isNull(clientValidity.expiredAt),
          gt(clientValidity.validTill, now),
          lte(clientValidity.validTill, new Date(now.getTime() + validityWarningMs)),
          or(isNull(clientValidity.expiryWarnedFor), ne(clientValidity.expiryWarnedFor, clientValidity.validTill)),
        ),
      )
      .limit(limit)
      .for('update', { skipLocked: true });
    for (const row of due) {
      const validTill = row.validTill!;
      await tx.update(clientValidity).set({ expiryWarnedFor: validTill }).where(eq(clientValidity.clientId, row.clientId));
      const client = await clientOf(tx, row.partnerId, row.clientId);
      const daysLeft = Math.floor((validTill.getTime() - now.getTime()) / 86_400_000);
      await emitEvent(tx, row.partnerId, 'client.validity_expiring', { client_id: row.clientId, valid_till: validTill.toISOString(), days_left: daysLeft });
      await queueTemplatedEmail(tx, { partnerId: row.partnerId, clientId: row.clientId, to: client.email, type: 'validity_expiring', template: 'validity-expiring', values: { 'client.name': client.name, 'validity.valid_till': indiaTime.format(validTill), 'validity.days_left': String(daysLeft) } });
    }
    return due.length;
  });
}

const sqlDue = (now: Date) => and(isNotNull(clientValidity.validTill), lte(clientValidity.validTill, now), isNull(clientValidity.expiredAt));

/** True when a client's services may run: not past its validity. Capabilities check this before serving. */
export async function clientInService(partnerId: string, clientId: string): Promise<boolean> {
  return !(await validityOf(partnerId, clientId)).expired;
}
