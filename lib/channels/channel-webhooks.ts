import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { webhookEndpoints } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { seal } from '@/lib/crypto/secret-box';
import { conflict, notFound } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { eventTypes } from '@/lib/events/catalogue';
import { endpointColumns, type TargetCheckDeps } from '@/lib/webhooks/manage-endpoints';
import { webhookUrlSchema } from '@/lib/webhooks/schemas';
import { generateWebhookSecret } from '@/lib/webhooks/sign';
import { assertAllowedTarget, partnerKind } from '@/lib/webhooks/target-policy';
import { z } from 'zod';
import { channelOf } from './channel-rows';

/** The events a channel's own webhook receives: everything about that channel. */
export const channelEventTypes = eventTypes.filter((type) => type.startsWith('channel.'));

export const addChannelWebhookSchema = z.object({ url: webhookUrlSchema });

const maxPerChannel = 3;

/**
 * A webhook URL of one channel: an endpoint like the partner's own (the same SSRF guard, Standard Webhooks
 * signing, retries and delivery log) that hears only that channel's events. Its secret is returned this once.
 */
export async function addChannelWebhook(ctx: PartnerCtx, channelId: string, input: Untrusted<{ url: unknown }>, deps: TargetCheckDeps = {}) {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(addChannelWebhookSchema, input);
  const channel = await channelOf(getDb(), ctx.partnerId, channelId);
  if (channel.status === 'deleted') throw conflict('This channel was deleted.');
  await assertAllowedTarget(data.url, await partnerKind(ctx.partnerId), deps.resolve);
  const secret = generateWebhookSecret();
  const endpoint = await getDb().transaction(async (tx) => {
    const existing = await tx.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(and(eq(webhookEndpoints.partnerId, ctx.partnerId), eq(webhookEndpoints.channelId, channel.id)));
    if (existing.length >= maxPerChannel) throw conflict(`A channel has at most ${maxPerChannel} webhook URLs; remove one first.`, 'url');
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({ partnerId: ctx.partnerId, channelId: channel.id, url: data.url, description: `Channel ${channel.name}`, eventTypes: [...channelEventTypes], secretCiphertext: seal(secret) })
      .returning(endpointColumns);
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'channel.webhook_added', targetType: 'channel', targetId: channel.id, after: { webhook_endpoint_id: row!.id, url: data.url } });
    return row!;
  });
  return { endpoint: webhookView(endpoint), secret };
}

const webhookView = (row: { id: string; url: string; status: string; createdAt: Date }) => ({ object: 'channel_webhook' as const, id: row.id, url: row.url, status: row.status, created_at: row.createdAt });

export async function listChannelWebhooks(ctx: PartnerCtx, channelId: string) {
  requirePartnerRole(ctx, 'member');
  const channel = await channelOf(getDb(), ctx.partnerId, channelId);
  const rows = await getDb().select(endpointColumns).from(webhookEndpoints).where(and(eq(webhookEndpoints.partnerId, ctx.partnerId), eq(webhookEndpoints.channelId, channel.id))).orderBy(webhookEndpoints.id);
  return rows.map(webhookView);
}

export async function removeChannelWebhook(ctx: PartnerCtx, channelId: string, endpointId: string) {
  requirePartnerRole(ctx, 'admin');
  const channel = await channelOf(getDb(), ctx.partnerId, channelId);
  return getDb().transaction(async (tx) => {
    const [row] = await tx.delete(webhookEndpoints).where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.partnerId, ctx.partnerId), eq(webhookEndpoints.channelId, channel.id))).returning({ id: webhookEndpoints.id, url: webhookEndpoints.url });
    if (!row) throw notFound('Channel webhook');
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'channel.webhook_removed', targetType: 'channel', targetId: channel.id, before: { webhook_endpoint_id: row.id, url: row.url } });
    return { id: row.id };
  });
}
