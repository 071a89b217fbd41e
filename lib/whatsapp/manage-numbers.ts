import { and, eq, ne, type SQL } from 'drizzle-orm';
import { getDb, type Queryable, type Tx } from '@/db';
import { whatsappNumbers } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { getClient } from '@/lib/clients/manage-clients';
import { seal } from '@/lib/crypto/secret-box';
import { conflict, notFound } from '@/lib/errors/app-error';
import { isUniqueViolation } from '@/lib/errors/postgres';
import { parseInput } from '@/lib/errors/zod';
import { emitEvent } from '@/lib/events/emit-event';
import { partnerKind } from '@/lib/onboarding/registration-access';
import { cursorClauses } from '@/lib/pagination/cursor-sql';
import { cursorQuery, toPage, type ListParams, type Page } from '@/lib/pagination/cursor';
import { CloudApiError, type WhatsappCloudProvider } from '@/lib/providers/whatsapp-cloud/cloud-api-provider';
import { whatsappCloudFor } from '@/lib/providers/whatsapp-cloud';
import { deleteSchedule } from '@/lib/schedules/manage-schedules';
import { announceTokenExpiry } from './announce';
import { chargeMonthlyFee } from './monthly-fee';
import { numberColumns, numberEventData, type WhatsappNumberView } from './number-view';
import { linkWhatsappNumberSchema, listWhatsappNumbersFilterSchema, type LinkWhatsappNumberInput } from './schemas';
import { appErrorFor, verifyPair, type VerifiedPair } from './verify-pair';

/** Lets tests (and the worker) choose the Cloud API and the clock. */
export type WhatsappDeps = { provider?: WhatsappCloudProvider; now?: () => Date };

export const dayMs = 86_400_000;
/** A token expiring within this is warned about. */
export const tokenWarningMs = 7 * dayMs;

export async function providerFor(ctx: PartnerCtx, deps: WhatsappDeps): Promise<WhatsappCloudProvider> {
  return deps.provider ?? whatsappCloudFor(await partnerKind(getDb(), ctx.partnerId));
}

/** The columns a verification sets, from Meta's answers. */
export function verifiedValues(pair: VerifiedPair, now: Date) {
  const { number, token } = pair;
  return {
    wabaId: number.wabaId,
    displayPhoneNumber: number.displayPhoneNumber,
    verifiedName: number.verifiedName,
    qualityRating: number.qualityRating,
    canSendMessage: number.canSendMessage,
    nameStatus: number.nameStatus,
    platformType: number.platformType,
    throughputLevel: number.throughputLevel,
    metaStatus: number.status,
    messagingLimitTier: number.messagingLimitTier,
    accountMode: number.accountMode,
    healthEntities: number.entities,
    tokenExpiresAt: token.expiresAt,
    status: 'active' as const,
    statusReason: null,
    lastCheckedAt: now,
    nextCheckAt: new Date(now.getTime() + dayMs),
  };
}

/**
 * Warns once per token about its expiry: when it is within 7 days, and again when it has expired (or Meta
 * refused it). `warnedFor` is what was last warned about, kept on the row.
 */
export async function warnTokenExpiry(tx: Tx, number: WhatsappNumberView, warnedFor: string | null, now: Date): Promise<void> {
  const expired = number.status === 'token_expired' || (number.tokenExpiresAt !== null && number.tokenExpiresAt.getTime() <= now.getTime());
  if (!expired && (!number.tokenExpiresAt || number.tokenExpiresAt.getTime() - now.getTime() > tokenWarningMs)) return;
  const key = `${expired ? 'expired' : 'expiring'}:${number.tokenExpiresAt?.toISOString() ?? 'refused'}`;
  if (warnedFor === key) return;
  await tx.update(whatsappNumbers).set({ tokenWarnedFor: key }).where(eq(whatsappNumbers.id, number.id));
  await announceTokenExpiry(tx, number, expired);
}

const linked = (ctx: PartnerCtx, numberId: string): SQL => and(eq(whatsappNumbers.id, numberId), eq(whatsappNumbers.partnerId, ctx.partnerId), ne(whatsappNumbers.status, 'unlinked'))!;

/**
 * Links a Cloud API number to a client once Meta has verified the pair: the token reads the number and reaches
 * its business account. Linking a number the client already has replaces its token (how an expired token is
 * renewed). Meta's display number and verified name are kept; what was sent is kept beside them to show a
 * difference. The token is sealed and never leaves again.
 */
export async function linkWhatsappNumber(ctx: PartnerCtx, input: Partial<Record<keyof LinkWhatsappNumberInput, unknown>>, deps: WhatsappDeps = {}): Promise<WhatsappNumberView> {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(linkWhatsappNumberSchema, input);
  await getClient(ctx, data.client_id);
  const now = deps.now?.() ?? new Date();
  let pair: VerifiedPair;
  try {
    pair = await verifyPair(await providerFor(ctx, deps), data.phone_number_id, data.access_token, now);
  } catch (error) {
    if (error instanceof CloudApiError) throw appErrorFor(error);
    throw error;
  }
  let linkedView: WhatsappNumberView;
  try {
    linkedView = await getDb().transaction(async (tx) => {
      const [existing] = await tx
        .select({ ...numberColumns, tokenWarnedFor: whatsappNumbers.tokenWarnedFor })
        .from(whatsappNumbers)
        .where(and(eq(whatsappNumbers.partnerId, ctx.partnerId), eq(whatsappNumbers.phoneNumberId, data.phone_number_id), ne(whatsappNumbers.status, 'unlinked')))
        .for('update');
      if (existing && existing.clientId !== data.client_id) throw conflict('This number is linked to another client; unlink it there first.', 'phone_number_id');
      const values = { ...verifiedValues(pair, now), accessTokenCiphertext: seal(data.access_token), sentDisplayNumber: data.display_number, sentVerifiedName: data.verified_name };
      // A new token with the same expiry was warned about already; any other starts afresh.
      const warnedFor = existing && existing.tokenExpiresAt?.getTime() === values.tokenExpiresAt?.getTime() && existing.status === 'active' ? existing.tokenWarnedFor : null;
      const [row] = existing
        ? await tx.update(whatsappNumbers).set({ ...values, tokenWarnedFor: warnedFor }).where(eq(whatsappNumbers.id, existing.id)).returning(numberColumns)
        : await tx.insert(whatsappNumbers).values({ ...values, partnerId: ctx.partnerId, clientId: data.client_id, phoneNumberId: data.phone_number_id, linkedAt: now }).returning(numberColumns);
      const view = row as WhatsappNumberView;
      await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: existing ? 'whatsapp_number.relinked' : 'whatsapp_number.linked', targetType: 'whatsapp_number', targetId: view.id, before: existing ? numberEventData(existing) : null, after: numberEventData(view) });
      await emitEvent(tx, ctx.partnerId, 'whatsapp_number.linked', { whatsapp_number: numberEventData(view), relinked: Boolean(existing) });
      await warnTokenExpiry(tx, view, warnedFor, now);
      return view;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'whatsapp_numbers_partner_phone_key')) throw conflict('This number was linked a moment ago; reload to see it.', 'phone_number_id');
    throw error;
  }
  // The month's fee, once per IST month whatever happens after: a link the client cannot pay for yet still works.
  await chargeMonthlyFee(ctx, linkedView, now);
  return getWhatsappNumber(ctx, linkedView.id);
}

/** The partner's linked numbers (unlinked ones only when asked for by status), newest first. */
export async function listWhatsappNumbers(ctx: PartnerCtx, params: Partial<ListParams> & { client_id?: unknown; status?: unknown } = {}): Promise<Page<WhatsappNumberView>> {
  requirePartnerRole(ctx, 'member');
  const filters = parseInput(listWhatsappNumbersFilterSchema, { client_id: params.client_id, status: params.status });
  const query = cursorQuery({ limit: params.limit ?? 50, starting_after: params.starting_after, ending_before: params.ending_before });
  const { where, orderBy } = cursorClauses(whatsappNumbers.id, query);
  const rows = await getDb()
    .select(numberColumns)
    .from(whatsappNumbers)
    .where(
      and(
        eq(whatsappNumbers.partnerId, ctx.partnerId),
        filters.client_id ? eq(whatsappNumbers.clientId, filters.client_id) : undefined,
        filters.status ? eq(whatsappNumbers.status, filters.status) : ne(whatsappNumbers.status, 'unlinked'),
        where,
      ),
    )
    .orderBy(orderBy)
    .limit(query.take);
  return toPage(rows as WhatsappNumberView[], query);
}

/** One of the partner's numbers (an unlinked one too); another partner's, or another client's when one is named, is not found. */
export async function getWhatsappNumber(ctx: PartnerCtx, numberId: string, options: { clientId?: string; q?: Queryable } = {}): Promise<WhatsappNumberView> {
  requirePartnerRole(ctx, 'member');
  const [row] = await (options.q ?? getDb())
    .select(numberColumns)
    .from(whatsappNumbers)
    .where(and(eq(whatsappNumbers.id, numberId), eq(whatsappNumbers.partnerId, ctx.partnerId), options.clientId ? eq(whatsappNumbers.clientId, options.clientId) : undefined))
    .limit(1);
  if (!row) throw notFound('WhatsApp number');
  return row as WhatsappNumberView;
}

/** Unlinks a number: its token is erased, its schedule removed, the row kept as history. */
export async function unlinkWhatsappNumber(ctx: PartnerCtx, numberId: string, options: { clientId?: string } = {}): Promise<WhatsappNumberView> {
  requirePartnerRole(ctx, 'admin');
  return getDb().transaction(async (tx) => {
    const [before] = await tx
      .select(numberColumns)
      .from(whatsappNumbers)
      .where(and(linked(ctx, numberId), options.clientId ? eq(whatsappNumbers.clientId, options.clientId) : undefined))
      .for('update');
    if (!before) throw notFound('WhatsApp number');
    return unlinkLocked(tx, ctx, before as WhatsappNumberView, 'partner');
  });
}

/**
 * Unlinks a number the caller has locked: its token erased, its schedule removed, audited and announced.
 * `reason` is `partner` (someone unlinked it) or `unpaid` (its monthly fee stayed unpaid past suspension).
 */
export async function unlinkLocked(tx: Tx, ctx: PartnerCtx, before: WhatsappNumberView, reason: 'partner' | 'unpaid', now: Date = new Date()): Promise<WhatsappNumberView> {
  const [row] = await tx.update(whatsappNumbers).set({ status: 'unlinked', statusReason: reason === 'unpaid' ? 'fee_unpaid' : null, accessTokenCiphertext: '', unlinkedAt: now, feeGraceEndsAt: null, feeSuspendedAt: null }).where(eq(whatsappNumbers.id, before.id)).returning(numberColumns);
  const view = row as WhatsappNumberView;
  await deleteSchedule(ctx, { kind: 'whatsapp_number', id: before.id }, tx);
  await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'whatsapp_number.unlinked', targetType: 'whatsapp_number', targetId: before.id, before: numberEventData(before), after: { ...numberEventData(view), reason } });
  await emitEvent(tx, ctx.partnerId, 'whatsapp_number.unlinked', { whatsapp_number: numberEventData(view), reason });
  return view;
}
