import { and, asc, eq, inArray, lte, ne } from 'drizzle-orm';
import { getDb } from '@/db';
import { whatsappNumbers } from '@/db/schema';
import { systemCtx, type PartnerCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { unseal } from '@/lib/crypto/secret-box';
import { notFound } from '@/lib/errors/app-error';
import { logger } from '@/lib/log/logger';
import { safeErrorStack } from '@/lib/log/safe-error';
import { CloudApiError } from '@/lib/providers/whatsapp-cloud/cloud-api-provider';
import { announceHealthChange, healthChanges } from './announce';
import { dayMs, getWhatsappNumber, providerFor, verifiedValues, warnTokenExpiry, type WhatsappDeps } from './manage-numbers';
import { chargeMonthlyFee } from './monthly-fee';
import { numberColumns, numberEventData, type WhatsappNumberView } from './number-view';
import { verifyPair, type VerifiedPair } from './verify-pair';

const retryMs = 60 * 60 * 1000;

/**
 * Checks a linked number with Meta again and records what changed: its health and quality, and whether its token
 * still works. A token Meta refuses (expired, revoked) makes the number `token_expired`; another refusal (a
 * permission removed, the number gone) `needs_attention`; Meta being busy or away changes nothing and retries
 * within the hour. Changes are audited and announced (event + e-mail), in the transaction that records them.
 */
async function recheck(ctx: PartnerCtx, numberId: string, deps: WhatsappDeps): Promise<WhatsappNumberView | null> {
  const checked = await recheckHealth(ctx, numberId, deps);
  if (!checked) return null;
  // The daily check also renews the monthly fee (a no-op within a paid month).
  await chargeMonthlyFee(ctx, checked, deps.now?.() ?? new Date());
  return getWhatsappNumber(ctx, numberId);
}

async function recheckHealth(ctx: PartnerCtx, numberId: string, deps: WhatsappDeps): Promise<WhatsappNumberView | null> {
  const now = deps.now?.() ?? new Date();
  const [stored] = await getDb()
    .select({ token: whatsappNumbers.accessTokenCiphertext, phoneNumberId: whatsappNumbers.phoneNumberId })
    .from(whatsappNumbers)
    .where(and(eq(whatsappNumbers.id, numberId), eq(whatsappNumbers.partnerId, ctx.partnerId), ne(whatsappNumbers.status, 'unlinked')));
  if (!stored) return null;
  let pair: VerifiedPair | null = null;
  let failure: CloudApiError | null = null;
  try {
    pair = await verifyPair(await providerFor(ctx, deps), stored.phoneNumberId, unseal(stored.token), now);
  } catch (error) {
    if (!(error instanceof CloudApiError)) throw error;
    failure = error;
  }
  return getDb().transaction(async (tx) => {
    const [before] = await tx
      .select({ ...numberColumns, tokenWarnedFor: whatsappNumbers.tokenWarnedFor })
      .from(whatsappNumbers)
      .where(and(eq(whatsappNumbers.id, numberId), ne(whatsappNumbers.status, 'unlinked')))
      .for('update');
    if (!before) return null;
    const values = pair
      ? verifiedValues(pair, now)
      : failure!.retryable
        ? { lastCheckedAt: now, nextCheckAt: new Date(now.getTime() + retryMs) }
        : { status: failure!.reason === 'token_expired' || failure!.reason === 'token_invalid' ? ('token_expired' as const) : ('needs_attention' as const), statusReason: failure!.reason, lastCheckedAt: now, nextCheckAt: new Date(now.getTime() + dayMs) };
    const [row] = await tx.update(whatsappNumbers).set(values).where(eq(whatsappNumbers.id, numberId)).returning(numberColumns);
    const after = row as WhatsappNumberView;
    const changes = healthChanges(before as WhatsappNumberView, after);
    if (changes.length) {
      await recordAudit(tx, ctx, { partnerId: after.partnerId, action: 'whatsapp_number.health_changed', targetType: 'whatsapp_number', targetId: numberId, before: numberEventData(before as WhatsappNumberView), after: { ...numberEventData(after), changes } });
      await announceHealthChange(tx, after, changes);
    }
    await warnTokenExpiry(tx, after, before.tokenWarnedFor, now);
    return after;
  });
}

/** Checks one number now (the console's and the API's "check now"). */
export async function checkWhatsappNumber(ctx: PartnerCtx, numberId: string, deps: WhatsappDeps & { clientId?: string } = {}): Promise<WhatsappNumberView> {
  requirePartnerRole(ctx, 'admin');
  const [own] = await getDb()
    .select({ id: whatsappNumbers.id })
    .from(whatsappNumbers)
    .where(and(eq(whatsappNumbers.id, numberId), eq(whatsappNumbers.partnerId, ctx.partnerId), ne(whatsappNumbers.status, 'unlinked'), deps.clientId ? eq(whatsappNumbers.clientId, deps.clientId) : undefined));
  if (!own) throw notFound('WhatsApp number');
  const checked = await recheck(ctx, numberId, deps);
  if (!checked) throw notFound('WhatsApp number');
  return checked;
}

/**
 * The worker's daily re-check: claims due numbers (SKIP LOCKED, so several workers share the work) by moving
 * their next check a quarter of an hour on, then checks each; one that fails unexpectedly is retried then.
 */
export async function runDueWhatsappChecks(deps: WhatsappDeps & { limit?: number; partnerIds?: string[] } = {}): Promise<number> {
  const now = deps.now?.() ?? new Date();
  const due = await getDb().transaction(async (tx) => {
    const rows = await tx
      .select({ id: whatsappNumbers.id, partnerId: whatsappNumbers.partnerId })
      .from(whatsappNumbers)
      .where(and(ne(whatsappNumbers.status, 'unlinked'), lte(whatsappNumbers.nextCheckAt, now), deps.partnerIds ? inArray(whatsappNumbers.partnerId, deps.partnerIds) : undefined))
      .orderBy(asc(whatsappNumbers.nextCheckAt))
      .limit(deps.limit ?? 25)
      .for('update', { skipLocked: true });
    if (rows.length) await tx.update(whatsappNumbers).set({ nextCheckAt: new Date(now.getTime() + 15 * 60 * 1000) }).where(inArray(whatsappNumbers.id, rows.map((row) => row.id)));
    return rows;
  });
  for (const number of due) {
    try {
      await recheck({ ...systemCtx, partnerId: number.partnerId }, number.id, deps);
    } catch (error) {
      logger.error('whatsapp number check failed', { numberId: number.id, error: safeErrorStack(error) });
    }
  }
  return due.length;
}
