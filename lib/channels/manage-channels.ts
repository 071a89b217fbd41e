import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { channels } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { seal } from '@/lib/crypto/secret-box';
import { digestToken, newSecretToken } from '@/lib/crypto/tokens';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { emitEvent } from '@/lib/events/emit-event';
import { clientOf } from '@/lib/ledger/books';
import { logger } from '@/lib/log/logger';
import { cursorClauses } from '@/lib/pagination/cursor-sql';
import { cursorQuery, toPage, type ListParams } from '@/lib/pagination/cursor';
import { gatewayForNewChannel } from '@/lib/providers/whatsapp-gateway';
import { partnerKind } from '@/lib/webhooks/target-policy';
import { channelOf } from './channel-rows';
import { channelView, dayMs } from './channel-view';
import { announceChannelChange } from './live-updates';
import { channelListFilters, createChannelSchema } from './schemas';

/** A channel's API token: `wch_` and 256 random bits. Only its digest is kept; it is shown once. */
const newChannelToken = () => `wch_${newSecretToken()}`;

/** Creates a channel for a client, in TRIAL for its trial length; its API token is returned this once. */
export async function createChannel(ctx: PartnerCtx, input: Untrusted<{ clientId: unknown; name: unknown; trialDays: unknown }>, now: Date = new Date()) {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(createChannelSchema, input);
  await clientOf(getDb(), ctx.partnerId, data.clientId);
  const gateway = gatewayForNewChannel(await partnerKind(ctx.partnerId));
  // The gateway first: a channel it refused is never recorded; one recorded is always on the gateway.
  const created = await gateway.create({ name: data.name, mode: 'trial' });
  const token = newChannelToken();
  try {
    const channel = await getDb().transaction(async (tx) => {
      await clientOf(tx, ctx.partnerId, data.clientId);
      const [row] = await tx
        .insert(channels)
        .values({
          partnerId: ctx.partnerId,
          clientId: data.clientId,
          name: data.name,
          trialDays: data.trialDays,
          activeTill: new Date(now.getTime() + data.trialDays * dayMs),
          tokenDigest: digestToken(token),
          tokenHint: token.slice(-4),
          gateway: gateway.name,
          gatewayId: created.gatewayId,
          gatewayTokenCiphertext: created.gatewayToken ? seal(created.gatewayToken) : null,
          createdAt: now,
        })
        .returning();
      const view = channelView(row!, now);
      await emitEvent(tx, ctx.partnerId, 'channel.created', { channel_id: row!.id, client_id: row!.clientId, name: row!.name, mode: 'trial', trial_days: row!.trialDays, active_till: view.active_till });
      await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'channel.created', targetType: 'channel', targetId: row!.id, after: { client_id: row!.clientId, name: row!.name, trial_days: row!.trialDays } });
      await announceChannelChange(tx, ctx.partnerId, row!.id);
      return row!;
    });
    return { channel: channelView(channel, now), token };
  } catch (error) {
    await gateway.remove(created).catch((cleanup) => logger.warn('could not remove a gateway channel after a failed create', { error: String(cleanup) }));
    throw error;
  }
}

export async function getChannel(ctx: PartnerCtx, channelId: string, now: Date = new Date()) {
  requirePartnerRole(ctx, 'member');
  return channelView(await channelOf(getDb(), ctx.partnerId, channelId), now);
}

/** The caller's channels, newest first, by status, mode or client (each an index of `(partner_id, …, id)`). */
export async function listChannels(ctx: PartnerCtx, params: ListParams & { status?: unknown; mode?: unknown; clientId?: unknown }, now: Date = new Date()) {
  requirePartnerRole(ctx, 'member');
  const filters = parseInput(channelListFilters, { status: params.status, mode: params.mode, clientId: params.clientId });
  const query = cursorQuery(params);
  const { where, orderBy } = cursorClauses(channels.id, query);
  const rows = await getDb()
    .select()
    .from(channels)
    .where(
      and(
        eq(channels.partnerId, ctx.partnerId),
        filters.status ? eq(channels.status, filters.status) : undefined,
        filters.mode ? eq(channels.mode, filters.mode) : undefined,
        filters.clientId ? eq(channels.clientId, filters.clientId) : undefined,
        where,
      ),
    )
    .orderBy(orderBy)
    .limit(query.take);
  const page = toPage(rows, query);
  return { data: page.data.map((row) => channelView(row, now)), has_more: page.has_more };
}

/** A new API token for the channel; the old one stops working at once. Returned this once. */
export async function rotateChannelToken(ctx: PartnerCtx, channelId: string) {
  requirePartnerRole(ctx, 'admin');
  const token = newChannelToken();
  const channel = await getDb().transaction(async (tx) => {
    const row = await channelOf(tx, ctx.partnerId, channelId, true);
    const [updated] = await tx.update(channels).set({ tokenDigest: digestToken(token), tokenHint: token.slice(-4) }).where(eq(channels.id, row.id)).returning();
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'channel.token_rotated', targetType: 'channel', targetId: row.id, after: { token_hint: `…${token.slice(-4)}` } });
    return updated!;
  });
  return { channel: channelView(channel), token };
}

/** The channel an API token belongs to (for the channel's own API), or null. */
export async function channelByToken(token: string) {
  if (!token.startsWith('wch_')) return null;
  const [row] = await getDb().select().from(channels).where(eq(channels.tokenDigest, digestToken(token))).limit(1);
  return row && row.status !== 'deleted' ? row : null;
}
