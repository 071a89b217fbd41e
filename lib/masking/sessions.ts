import { and, eq, gte, lte, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { clients, maskingSessions, partners, type MaskingSession } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { AppError, invalid, notFound } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { emitEvent } from '@/lib/events/emit-event';
import { isId, newId } from '@/lib/ids';
import { cursorClauses } from '@/lib/pagination/cursor-sql';
import { cursorQuery, toPage, type ListParams } from '@/lib/pagination/cursor';
import type { MaskingSessionChange } from '@/lib/providers/carrier/carrier-provider';
import { maskingCarrierFor, maskingCarrierNamed } from '@/lib/providers/carrier/masking-carrier';
import { assertAllowedTarget } from '@/lib/webhooks/target-policy';
import type { Resolver } from '@/lib/webhooks/ssrf-guard';
import { allocatePoolNumber, reallocateParty } from './allocate';
import { autoBuyForPool } from './auto-buy';
import { callbackSecret, queueSessionCallback } from './callbacks';
import { closeSession } from './close-session';
import { maskNumber } from './mask-number';
import { createMaskingSessionSchema, defaultConsentPrompt, updateMaskingSessionSchema, type CreateMaskingSessionInput, type UpdateMaskingSessionInput } from './schemas';
import { isOpen, sessionEventData, sessionView, type MaskingSessionView } from './session-view';

/** Where carriers post this deployment's call events (the signed endpoint). */
export const callEventsPath = '/api/call_events';

async function environmentOf(partnerId: string): Promise<'live' | 'sandbox'> {
  const [row] = await getDb().select({ kind: partners.kind }).from(partners).where(eq(partners.id, partnerId)).limit(1);
  if (!row) throw notFound('Partner');
  return row.kind;
}

/** The session, scoped by the caller's partner: another partner's id (or garbage) is a 404. */
export async function loadSession(partnerId: string, sessionId: string, forUpdate = false, q: Pick<ReturnType<typeof getDb>, 'select'> = getDb()): Promise<MaskingSession> {
  if (!isId('maskingSession', sessionId)) throw notFound('Masking session');
  const query = q.select().from(maskingSessions).where(and(eq(maskingSessions.partnerId, partnerId), eq(maskingSessions.id, sessionId))).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Masking session');
  return row;
}

export type CreatedSession = { session: MaskingSessionView; callbackSecret: string | null };

/**
 * Opens a masking session: picks a pool number free for both parties (409 `pool_exhausted` when none is),
 * asks the carrier to bridge over it, and records the session, its audit entry and `masking_session.created`
 * in one transaction, so a refused carrier leaves nothing behind. The callback URL is checked by the same SSRF
 * policy as webhook endpoints. When the pool's settings have auto-buy on, an exhausted pool buys what it
 * needs first (lib/masking/auto-buy.ts).
 */
export async function createMaskingSession(ctx: PartnerCtx, input: Untrusted<CreateMaskingSessionInput>, deps: { resolve?: Resolver } = {}): Promise<CreatedSession> {
  requirePartnerRole(ctx, 'admin');
  const attempt = newId('maskingSession');
  try {
    return await openMaskingSession(ctx, input, deps);
  } catch (error) {
    // With the pool's auto-buy on, the numbers it needs are bought and the session is tried once more.
    if (!(error instanceof AppError) || error.code !== 'pool_exhausted' || typeof input.client_id !== 'string') throw error;
    if (!(await autoBuyForPool(ctx, input.client_id, error, attempt))) throw error;
    return openMaskingSession(ctx, input, deps);
  }
}

async function openMaskingSession(ctx: PartnerCtx, input: Untrusted<CreateMaskingSessionInput>, deps: { resolve?: Resolver }): Promise<CreatedSession> {
  const data = parseInput(createMaskingSessionSchema, input);
  const environment = await environmentOf(ctx.partnerId);
  if (data.callback_url) {
    try {
      await assertAllowedTarget(data.callback_url, environment, deps.resolve);
    } catch (error) {
      if (error instanceof AppError && error.fieldErrors?.url) throw invalid('callback_url', error.fieldErrors.url);
      throw error;
    }
  }
  const carrier = maskingCarrierFor(environment);
  const sessionId = newId('maskingSession');
  const session = await getDb().transaction(async (tx) => {
    const [client] = await tx.select({ id: clients.id, status: clients.status }).from(clients).where(and(eq(clients.partnerId, ctx.partnerId), eq(clients.id, data.client_id))).limit(1);
    if (!client) throw invalid('client_id', 'No such client.');
    if (client.status !== 'active') throw new AppError('conflict', 'Only an active client can bridge calls: finish its onboarding and KYC first.', { client_id: 'This client is not active.' });
    const now = new Date();
    let inserted = false;
    const claim = async (number: { id: string; e164: string }) => {
      if (inserted) {
        await tx.update(maskingSessions).set({ numberId: number.id, virtualNumber: number.e164 }).where(eq(maskingSessions.id, sessionId));
        return;
      }
      inserted = true;
      await tx.insert(maskingSessions).values({
        id: sessionId,
        partnerId: ctx.partnerId,
        clientId: client.id,
        numberId: number.id,
        virtualNumber: number.e164,
        firstParty: data.first_party,
        secondParty: data.second_party,
        sessionExpiry: data.session_expiry,
        expiresAt: new Date(now.getTime() + data.session_expiry * 1000),
        callTimeLimit: data.call_time_limit,
        ringTimeout: data.ring_timeout,
        record: data.record,
        consentPrompt: data.record ? (data.consent_prompt ?? defaultConsentPrompt) : null,
        initiateCallToFirstParty: data.initiate_call_to_first_party,
        callbackUrl: data.callback_url ?? null,
        carrier: carrier.name,
      });
    };
    const number = await allocatePoolNumber(tx, { partnerId: ctx.partnerId, clientId: client.id, sessionId, parties: [data.first_party, data.second_party], claim });
    const answer = await carrier.createMaskingSession({
      reference: sessionId,
      virtualNumber: number.e164,
      firstParty: data.first_party,
      secondParty: data.second_party,
      sessionExpiry: data.session_expiry,
      callTimeLimit: data.call_time_limit,
      ringTimeout: data.ring_timeout,
      record: data.record,
      initiateCallToFirstParty: data.initiate_call_to_first_party,
      callbackUrl: callEventsPath,
    });
    if (answer.status === 'failed') throw new AppError('carrier_failed', `The carrier did not open the session: ${answer.reason}`);
    const [row] = await tx.update(maskingSessions).set({ carrierSessionId: answer.carrierSessionId }).where(eq(maskingSessions.id, sessionId)).returning();
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'masking_session.created', targetType: 'masking_session', targetId: sessionId, after: { client_id: client.id, virtual_number: number.e164, first_party: maskNumber(data.first_party), second_party: maskNumber(data.second_party), session_expiry: data.session_expiry, record: data.record } });
    const eventData = sessionEventData(row!);
    await emitEvent(tx, ctx.partnerId, 'masking_session.created', eventData);
    await queueSessionCallback(tx, row!, 'masking_session.created', eventData);
    return row!;
  });
  return { session: sessionView(session), callbackSecret: session.callbackUrl ? callbackSecret(session.id) : null };
}

export async function getMaskingSession(ctx: PartnerCtx, sessionId: string): Promise<MaskingSessionView> {
  requirePartnerRole(ctx, 'member');
  return sessionView(await loadSession(ctx.partnerId, sessionId));
}

export type SessionFilters = { status?: MaskingSession['status']; client_id?: string; virtual_number?: string; created_gte?: Date; created_lte?: Date };

/** One page of the partner's sessions, newest first; each filter walks a `(partner_id, …, id)` index. */
export async function listMaskingSessions(ctx: PartnerCtx, filters: SessionFilters & ListParams) {
  requirePartnerRole(ctx, 'member');
  const query = cursorQuery(filters);
  const { where: cursor, orderBy } = cursorClauses(maskingSessions.id, query);
  const conditions: (SQL | undefined)[] = [eq(maskingSessions.partnerId, ctx.partnerId), cursor];
  if (filters.status) conditions.push(eq(maskingSessions.status, filters.status));
  if (filters.client_id) conditions.push(eq(maskingSessions.clientId, filters.client_id));
  if (filters.virtual_number) conditions.push(eq(maskingSessions.virtualNumber, filters.virtual_number));
  if (filters.created_gte) conditions.push(gte(maskingSessions.createdAt, filters.created_gte));
  if (filters.created_lte) conditions.push(lte(maskingSessions.createdAt, filters.created_lte));
  const rows = await getDb().select().from(maskingSessions).where(and(...conditions)).orderBy(orderBy).limit(query.take);
  const page = toPage(rows, query);
  return { data: page.data.map(sessionView), has_more: page.has_more };
}

/**
 * Extends or shortens a session (`session_expiry` counts from now), changes its limits or recording, or swaps
 * a party on the same virtual number (refused when the new party already reaches another open session
 * through it: 409 `party_in_use`). The carrier is asked first; nothing changes when it refuses.
 */
export async function updateMaskingSession(ctx: PartnerCtx, sessionId: string, input: Untrusted<UpdateMaskingSessionInput>): Promise<MaskingSessionView> {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(updateMaskingSessionSchema, input);
  const environment = await environmentOf(ctx.partnerId);
  const updated = await getDb().transaction(async (tx) => {
    const session = await loadSession(ctx.partnerId, sessionId, true, tx);
    if (!isOpen(session)) throw new AppError('session_closed', `This session has ${session.status === 'expired' ? 'expired' : 'ended'}; create a new one.`);
    const firstParty = data.first_party ?? session.firstParty;
    const secondParty = data.second_party ?? session.secondParty;
    if (firstParty === secondParty) throw invalid(data.second_party ? 'second_party' : 'first_party', 'The two parties must be different numbers.');
    await reallocateParty(tx, { sessionId, numberId: session.numberId, from: session.firstParty, to: firstParty, field: 'first_party' });
    await reallocateParty(tx, { sessionId, numberId: session.numberId, from: session.secondParty, to: secondParty, field: 'second_party' });
    const changes: MaskingSessionChange = {
      firstParty: data.first_party !== undefined && data.first_party !== session.firstParty ? data.first_party : undefined,
      secondParty: data.second_party !== undefined && data.second_party !== session.secondParty ? data.second_party : undefined,
      sessionExpiry: data.session_expiry,
      callTimeLimit: data.call_time_limit,
      ringTimeout: data.ring_timeout,
      record: data.record,
    };
    const answer = await maskingCarrierNamed(session.carrier, environment).updateMaskingSession({ carrierSessionId: session.carrierSessionId ?? '', reference: session.id, changes });
    if (answer.status === 'failed') throw new AppError('carrier_failed', `The carrier did not change the session: ${answer.reason}`);
    const [row] = await tx
      .update(maskingSessions)
      .set({
        firstParty,
        secondParty,
        ...(data.session_expiry !== undefined ? { sessionExpiry: data.session_expiry, expiresAt: new Date(Date.now() + data.session_expiry * 1000) } : {}),
        ...(data.call_time_limit !== undefined ? { callTimeLimit: data.call_time_limit } : {}),
        ...(data.ring_timeout !== undefined ? { ringTimeout: data.ring_timeout } : {}),
        ...(data.record !== undefined ? { record: data.record, consentPrompt: data.record ? (session.consentPrompt ?? defaultConsentPrompt) : null } : {}),
      })
      .where(eq(maskingSessions.id, sessionId))
      .returning();
    const masked = (s: MaskingSession) => ({ first_party: maskNumber(s.firstParty), second_party: maskNumber(s.secondParty), expires_at: s.expiresAt.toISOString(), call_time_limit: s.callTimeLimit, ring_timeout: s.ringTimeout, record: s.record });
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'masking_session.updated', targetType: 'masking_session', targetId: sessionId, before: masked(session), after: masked(row!) });
    return row!;
  });
  return sessionView(updated);
}

/** Ends an open session now: its pairs are released, `masking_session.ended` is emitted, the carrier told. */
export async function cancelMaskingSession(ctx: PartnerCtx, sessionId: string): Promise<MaskingSessionView> {
  requirePartnerRole(ctx, 'admin');
  const environment = await environmentOf(ctx.partnerId);
  const closed = await getDb().transaction(async (tx) => {
    const session = await loadSession(ctx.partnerId, sessionId, true, tx);
    if (!isOpen(session)) throw new AppError('session_closed', `This session has already ${session.status === 'expired' ? 'expired' : 'ended'}.`);
    const row = await closeSession(tx, session, 'ended', 'cancelled');
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'masking_session.cancelled', targetType: 'masking_session', targetId: sessionId, before: { status: session.status }, after: { status: 'ended' } });
    return row;
  });
  // The session is closed on our side whatever the carrier answers: no call is routed to it any more.
  if (closed.carrierSessionId) await maskingCarrierNamed(closed.carrier, environment).endMaskingSession({ carrierSessionId: closed.carrierSessionId, reference: closed.id });
  return sessionView(closed);
}
