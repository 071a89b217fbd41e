import type { Channel } from '@/db/schema';
import { trialLimits } from '@/lib/providers/whatsapp-gateway/gateway';

export const dayMs = 86_400_000;

/** Whole days left before `active_till` (the day under way counts as used); 0 once it has passed. */
export function unusedDays(channel: Pick<Channel, 'activeTill'>, now: Date): number {
  return Math.max(0, Math.floor((channel.activeTill.getTime() - now.getTime()) / dayMs));
}

/** Days left as people count them: a part of a day is a day. */
export function daysLeft(channel: Pick<Channel, 'activeTill' | 'status'>, now: Date): number {
  if (channel.status !== 'active') return 0;
  return Math.max(0, Math.ceil((channel.activeTill.getTime() - now.getTime()) / dayMs));
}

/** What anyone with access may see of a channel: never its token or the gateway's. */
export function channelView(channel: Channel, now: Date = new Date()) {
  return {
    object: 'channel' as const,
    id: channel.id,
    client_id: channel.clientId,
    name: channel.name,
    mode: channel.mode,
    status: channel.status,
    connection: channel.connection,
    connection_reason: channel.connectionReason,
    phone: channel.phone,
    trial_days: channel.trialDays,
    trial_limits: channel.mode === 'trial' ? { messages_per_day: trialLimits.messagesPerDay, chats_per_month: trialLimits.chatsPerMonth, api_calls_per_month: trialLimits.apiCallsPerMonth } : null,
    active_till: channel.activeTill,
    days_left: daysLeft(channel, now),
    unused_days: channel.mode === 'live' && channel.status === 'active' ? unusedDays(channel, now) : 0,
    days_held: channel.daysHeld,
    days_reclaimed: channel.daysReclaimed,
    token_hint: `…${channel.tokenHint}`,
    simulated: channel.gateway === 'simulator',
    connected_at: channel.connectedAt,
    stopped_at: channel.stoppedAt,
    deleted_at: channel.deletedAt,
    created_at: channel.createdAt,
  };
}

export type ChannelView = ReturnType<typeof channelView>;
