import { createHmac, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { channels, partners } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { derivedKey } from '@/lib/crypto/derived-key';
import { conflict } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { isId } from '@/lib/ids';
import { queueTemplatedEmail } from '@/lib/email-templates/queue-templated-email';
import { clientOf } from '@/lib/ledger/books';
import { partnerHomeUrl } from '@/lib/tenancy/partner-home-url';
import { channelOf } from './channel-rows';
import { channelView } from './channel-view';

export const connectLinkSchema = z.object({
  expiresInHours: z.preprocess((v) => (v === '' || v === undefined ? 72 : v), z.coerce.number('Give the hours as a whole number.').int('Give the hours as a whole number.').min(1, 'A link lasts at least 1 hour.').max(720, 'A link lasts at most 30 days.')),
  /** Where to e-mail the link (in the partner's brand); empty: only make it. */
  sendTo: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.email('Give an e-mail address, or leave it empty to only make the link.').trim().toLowerCase().max(254).optional()),
});

const signature = (payload: string) => createHmac('sha256', derivedKey('channel-connect-link')).update(payload).digest('base64url');

/**
 * A link the partner sends its client, on the partner's own domain in its brand, where the client connects the
 * phone itself. Signed and expiring: nothing is stored, and it names only the channel and its expiry.
 */
export async function createConnectLink(ctx: PartnerCtx, channelId: string, input: Untrusted<{ expiresInHours: unknown; sendTo?: unknown }> = {}, now: Date = new Date()) {
  requirePartnerRole(ctx, 'member');
  const data = parseInput(connectLinkSchema, input);
  const db = getDb();
  const channel = await channelOf(db, ctx.partnerId, channelId);
  if (channel.status === 'deleted') throw conflict('This channel was deleted.');
  const expiresAt = new Date(now.getTime() + data.expiresInHours * 3_600_000);
  const payload = `${channel.id}.${Math.floor(expiresAt.getTime() / 1000)}`;
  const token = `${payload}.${signature(payload)}`;
  const url = await partnerHomeUrl(db, ctx.partnerId, `/connect/${token}`);
  await db.transaction(async (tx) => {
    // The audit says who it went to, never the link: the link is a credential until it expires.
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'channel.connect_link_created', targetType: 'channel', targetId: channel.id, after: { expires_at: expiresAt.toISOString(), sent_to: data.sendTo ?? null } });
    if (data.sendTo) {
      const client = await clientOf(tx, ctx.partnerId, channel.clientId);
      await queueTemplatedEmail(tx, { partnerId: ctx.partnerId, clientId: channel.clientId, to: data.sendTo, type: 'channel_connect_link', values: { 'client.name': client.name, 'channel.name': channel.name, 'link.url': url, 'link.expires_in_hours': String(data.expiresInHours) } });
    }
  });
  return { object: 'channel_connect_link' as const, channel_id: channel.id, url, expires_at: expiresAt, sent_to: data.sendTo ?? null };
}

/**
 * The channel a connect link opens, on the host of `livePartnerId` (the link works on the live partner's hosts,
 * for its sandbox's channels too); null for a forged, expired or foreign link, or a deleted channel.
 */
export async function openConnectLink(livePartnerId: string, token: string, now: Date = new Date()) {
  const [channelId, expires, mac] = token.split('.');
  if (!channelId || !expires || !mac || !isId('channel', channelId) || !/^\d{1,12}$/.test(expires)) return null;
  const expected = Buffer.from(signature(`${channelId}.${expires}`));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  if (Number(expires) * 1000 <= now.getTime()) return null;
  const db = getDb();
  const [row] = await db.select({ channel: channels, parentId: partners.parentId }).from(channels).innerJoin(partners, eq(partners.id, channels.partnerId)).where(eq(channels.id, channelId)).limit(1);
  if (!row || row.channel.status === 'deleted') return null;
  if (row.channel.partnerId !== livePartnerId && row.parentId !== livePartnerId) return null;
  return { partnerId: row.channel.partnerId, channel: channelView(row.channel, now), expiresAt: new Date(Number(expires) * 1000) };
}
