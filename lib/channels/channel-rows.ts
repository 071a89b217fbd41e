import { and, eq } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { channels, type Channel } from '@/db/schema';
import { unseal } from '@/lib/crypto/secret-box';
import { notFound } from '@/lib/errors/app-error';
import { isId } from '@/lib/ids';
import type { GatewayRef } from '@/lib/providers/whatsapp-gateway/gateway';

/** The caller's channel (another partner's is a 404), locked for the rest of the transaction when asked. */
export async function channelOf(q: Queryable, partnerId: string, channelId: string, lock = false): Promise<Channel> {
  if (!isId('channel', channelId)) throw notFound('Channel');
  const query = q.select().from(channels).where(and(eq(channels.id, channelId), eq(channels.partnerId, partnerId))).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Channel');
  return row;
}

export const gatewayRef = (channel: Channel): GatewayRef => ({ gatewayId: channel.gatewayId, gatewayToken: channel.gatewayTokenCiphertext ? unseal(channel.gatewayTokenCiphertext) : null });
