import { eq } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { channels, type Channel } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { AppError, conflict } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { emitEvent } from '@/lib/events/emit-event';
import { partnerBook } from '@/lib/ledger/books';
import { postSet } from '@/lib/ledger/post-set';
import { logger } from '@/lib/log/logger';
import { gatewayNamed } from '@/lib/providers/whatsapp-gateway';
import { channelOf, gatewayRef } from './channel-rows';
import { channelView, dayMs, unusedDays } from './channel-view';
import { announceDaysLow, channelDaysKey } from './day-balance';
import { announceChannelChange } from './live-updates';
import { deleteChannelSchema, extendChannelSchema, reclaimDaysSchema } from './schemas';

/**
 * Tells the gateway what the books now say, after they committed. The books are the truth: a gateway that is
 * briefly unreachable is logged and catches up at the next change, and never undoes a transfer.
 */
async function tellGateway(channel: Channel, what: string, call: (gateway: ReturnType<typeof gatewayNamed>) => Promise<void>) {
  try {
    await call(gatewayNamed(channel.gateway));
  } catch (error) {
    logger.warn('channel gateway call failed', { channel_id: channel.id, call: what, error: error instanceof Error ? error.message : String(error) });
  }
}

const notDeleted = (channel: Channel) => {
  if (channel.status === 'deleted') throw conflict('This channel was deleted.');
};

/**
 * Allocates days from the day balance to a channel, with a comment for the books. A trial channel goes live
 * (its days start now); a live one runs that many days longer; a stopped one restarts.
 */
export async function extendChannel(ctx: PartnerCtx, channelId: string, input: Untrusted<{ days: unknown; comment: unknown }>, now: Date = new Date()) {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(extendChannelSchema, input);
  const book = partnerBook(ctx.partnerId);
  const result = await getDb().transaction(async (tx) => {
    const channel = await channelOf(tx, ctx.partnerId, channelId, true);
    notDeleted(channel);
    const posted = await postSet(tx, ctx, {
      partnerId: ctx.partnerId,
      kind: 'allocation',
      legs: [{ debit: book.pool('days'), credit: channelDaysKey(ctx.partnerId, channel.clientId), amount: BigInt(data.days), kind: 'allocation', clientId: channel.clientId, product: 'channel_day', objectId: channel.id, memo: data.comment }],
    });
    const goesLive = channel.mode === 'trial';
    const from = goesLive || channel.activeTill < now ? now : channel.activeTill;
    const restarted = channel.status === 'stopped';
    const [updated] = await tx
      .update(channels)
      .set({ mode: 'live', status: 'active', activeTill: new Date(from.getTime() + data.days * dayMs), daysHeld: channel.daysHeld + data.days, warnedDays: null, stoppedAt: null })
      .where(eq(channels.id, channel.id))
      .returning();
    const view = channelView(updated!, now);
    if (goesLive) await emitEvent(tx, ctx.partnerId, 'channel.mode_changed', { channel_id: channel.id, client_id: channel.clientId, from: 'trial', mode: 'live' });
    await emitEvent(tx, ctx.partnerId, 'channel.extended', { channel_id: channel.id, client_id: channel.clientId, days: data.days, comment: data.comment, active_till: view.active_till, restarted });
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'channel.extended', targetType: 'channel', targetId: channel.id, before: { mode: channel.mode, status: channel.status, active_till: channel.activeTill }, after: { days: data.days, comment: data.comment, mode: 'live', active_till: view.active_till } });
    await announceDaysLow(tx, ctx.partnerId, posted);
    await announceChannelChange(tx, ctx.partnerId, channel.id);
    return { before: channel, channel: updated!, goesLive, restarted };
  });
  await tellGateway(result.channel, 'extend', async (gateway) => {
    const ref = gatewayRef(result.channel);
    if (result.goesLive) await gateway.setMode(ref, 'live');
    await gateway.extend(ref, data.days, data.comment);
    if (result.restarted) await gateway.start(ref);
  });
  return channelView(result.channel, now);
}

/** Sends unused days above `keepDays` back to the day balance; the channel runs on with what it keeps. */
export async function reclaimChannelDays(ctx: PartnerCtx, channelId: string, input: Untrusted<{ keepDays: unknown; comment: unknown }>, now: Date = new Date()) {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(reclaimDaysSchema, input);
  const channel = await getDb().transaction(async (tx) => {
    const channel = await channelOf(tx, ctx.partnerId, channelId, true);
    notDeleted(channel);
    if (channel.mode !== 'live' || channel.status !== 'active') throw conflict('Only a running live channel has unused days to reclaim.');
    const unused = Math.min(unusedDays(channel, now), channel.daysHeld);
    const days = unused - data.keepDays;
    if (days <= 0) throw new AppError('validation_failed', `The channel has ${unused} unused day${unused === 1 ? '' : 's'}: keep fewer to reclaim any.`, { keepDays: `At most ${Math.max(0, unused - 1)} to reclaim at least one day.` });
    await returnDays(tx, ctx, channel, days, 'reclaim', data.comment);
    const [updated] = await tx
      .update(channels)
      .set({ activeTill: new Date(channel.activeTill.getTime() - days * dayMs), daysHeld: channel.daysHeld - days, daysReclaimed: channel.daysReclaimed + days, warnedDays: null })
      .where(eq(channels.id, channel.id))
      .returning();
    const view = channelView(updated!, now);
    await emitEvent(tx, ctx.partnerId, 'channel.days_reclaimed', { channel_id: channel.id, client_id: channel.clientId, days, comment: data.comment, active_till: view.active_till });
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'channel.days_reclaimed', targetType: 'channel', targetId: channel.id, before: { active_till: channel.activeTill }, after: { days, keep_days: data.keepDays, comment: data.comment, active_till: view.active_till } });
    await announceChannelChange(tx, ctx.partnerId, channel.id);
    return updated!;
  });
  return channelView(channel, now);
}

/** One ledger transfer from the client's channel days back to the day balance, naming the channel. */
async function returnDays(tx: Tx, ctx: PartnerCtx, channel: Channel, days: number, why: 'reclaim' | 'delete', comment: string) {
  await postSet(tx, ctx, {
    partnerId: ctx.partnerId,
    kind: 'reclaim',
    legs: [{ debit: channelDaysKey(ctx.partnerId, channel.clientId), credit: partnerBook(ctx.partnerId).pool('days'), amount: BigInt(days), kind: 'reclaim', clientId: channel.clientId, product: 'channel_day', objectId: channel.id, memo: comment, metadata: { reason: why } }],
  });
}

/**
 * Deletes a channel, returning every unused day to the day balance. The row stays (status `deleted`) so the
 * days it used remain accounted for.
 */
export async function deleteChannel(ctx: PartnerCtx, channelId: string, input: Untrusted<{ comment: unknown }>, now: Date = new Date()) {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(deleteChannelSchema, input);
  const result = await getDb().transaction(async (tx) => {
    const channel = await channelOf(tx, ctx.partnerId, channelId, true);
    notDeleted(channel);
    const returned = channel.mode === 'live' && channel.status === 'active' ? Math.min(unusedDays(channel, now), channel.daysHeld) : 0;
    if (returned > 0) await returnDays(tx, ctx, channel, returned, 'delete', data.comment);
    const [updated] = await tx
      .update(channels)
      .set({ status: 'deleted', deletedAt: now, daysHeld: channel.daysHeld - returned, daysReclaimed: channel.daysReclaimed + returned, connection: channel.connection === 'connected' ? 'logged_out' : channel.connection, connectionReason: channel.connection === 'connected' ? 'The channel was deleted.' : channel.connectionReason })
      .where(eq(channels.id, channel.id))
      .returning();
    await emitEvent(tx, ctx.partnerId, 'channel.deleted', { channel_id: channel.id, client_id: channel.clientId, days_returned: returned, comment: data.comment });
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'channel.deleted', targetType: 'channel', targetId: channel.id, before: { status: channel.status, mode: channel.mode }, after: { days_returned: returned, comment: data.comment } });
    await announceChannelChange(tx, ctx.partnerId, channel.id);
    return { channel: updated!, returned };
  });
  await tellGateway(result.channel, 'remove', (gateway) => gateway.remove(gatewayRef(result.channel)));
  return { ...channelView(result.channel, now), days_returned: result.returned };
}
