import { and, eq, inArray, isNull, lte, or, gt } from 'drizzle-orm';
import { getDb } from '@/db';
import { channels, type Channel } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { systemCtx } from '@/lib/audit/context';
import { emitEvent } from '@/lib/events/emit-event';
import { logger } from '@/lib/log/logger';
import { queueTemplatedEmail } from '@/lib/email-templates/queue-templated-email';
import { gatewayNamed } from '@/lib/providers/whatsapp-gateway';
import { adminRecipients } from '@/lib/team/admin-recipients';
import { partnerHomeUrl } from '@/lib/tenancy/partner-home-url';
import type { Tx } from '@/db';
import { gatewayRef } from './channel-rows';
import { channelView, dayMs } from './channel-view';
import { applyConnection } from './connect';
import { announceChannelChange } from './live-updates';

/** Warnings go out this many days before `active_till`, each once per `active_till`. */
export const warningDays = [3, 1] as const;

async function mailAdmins(tx: Tx, channel: Channel, kind: 'expiring' | 'stopped', days: number) {
  const { emails } = await adminRecipients(tx, channel.partnerId);
  if (!emails.length) return;
  const url = await partnerHomeUrl(tx, channel.partnerId, `/channels/${channel.id}`);
  for (const to of emails) {
    if (kind === 'expiring') await queueTemplatedEmail(tx, { partnerId: channel.partnerId, to, type: 'channel_expiring', template: 'channel-expiring', values: { 'channel.name': channel.name, 'channel.days_left': String(days), 'link.url': url } });
    else await queueTemplatedEmail(tx, { partnerId: channel.partnerId, to, type: 'channel_stopped', template: 'channel-stopped', values: { 'channel.name': channel.name, 'link.url': url } });
  }
}

/**
 * The worker's sweep of running channels near or past `active_till`: warns 3 days and 1 day before (once
 * each), and stops a channel when its trial or days run out (`channel.stopped`, the gateway stopped after the
 * books commit). Rows are claimed with SKIP LOCKED, so several workers split them and a partner's extend in
 * flight is never overtaken.
 */
export async function sweepChannelExpiry(now: Date = new Date(), limit = 100): Promise<{ warned: number; stopped: number }> {
  const stoppedChannels: Channel[] = [];
  let warned = 0;
  await getDb().transaction(async (tx) => {
    const soon = new Date(now.getTime() + warningDays[0] * dayMs);
    const lastWarning = new Date(now.getTime() + warningDays[1] * dayMs);
    const due = await tx
      .select()
      .from(channels)
      .where(
        and(
          eq(channels.status, 'active'),
          lte(channels.activeTill, soon),
          or(lte(channels.activeTill, now), isNull(channels.warnedDays), and(lte(channels.activeTill, lastWarning), gt(channels.warnedDays, warningDays[1]))),
        ),
      )
      .limit(limit)
      .for('update', { skipLocked: true });
    for (const channel of due) {
      if (channel.activeTill <= now) {
        const [stopped] = await tx.update(channels).set({ status: 'stopped', stoppedAt: now }).where(eq(channels.id, channel.id)).returning();
        await emitEvent(tx, channel.partnerId, 'channel.stopped', { channel_id: channel.id, client_id: channel.clientId, mode: channel.mode, active_till: channel.activeTill.toISOString() });
        await recordAudit(tx, systemCtx, { partnerId: channel.partnerId, action: 'channel.stopped', targetType: 'channel', targetId: channel.id, after: { mode: channel.mode, active_till: channel.activeTill.toISOString() } });
        await mailAdmins(tx, channel, 'stopped', 0);
        await announceChannelChange(tx, channel.partnerId, channel.id);
        stoppedChannels.push(stopped!);
        continue;
      }
      const left = Math.ceil((channel.activeTill.getTime() - now.getTime()) / dayMs);
      const warning = left <= warningDays[1] ? warningDays[1] : warningDays[0];
      if (channel.warnedDays !== null && channel.warnedDays <= warning) continue;
      await tx.update(channels).set({ warnedDays: warning }).where(eq(channels.id, channel.id));
      await emitEvent(tx, channel.partnerId, 'channel.expiring', { channel_id: channel.id, client_id: channel.clientId, mode: channel.mode, days_left: left, active_till: channelView(channel, now).active_till });
      await mailAdmins(tx, channel, 'expiring', left);
      warned += 1;
    }
  });
  for (const channel of stoppedChannels) {
    await gatewayNamed(channel.gateway)
      .stop(gatewayRef(channel))
      .catch((error) => logger.warn('channel gateway stop failed', { channel_id: channel.id, error: error instanceof Error ? error.message : String(error) }));
  }
  return { warned, stopped: stoppedChannels.length };
}

/**
 * Re-reads, from the gateway, the phones of running channels with a login under way or a connection: a QR
 * rotation that ran out becomes `failed`, a phone that removed the device `logged_out` (with their events).
 */
export async function syncChannelConnections(now: Date = new Date(), limit = 50): Promise<number> {
  const open = await getDb()
    .select()
    .from(channels)
    .where(and(eq(channels.status, 'active'), inArray(channels.connection, ['waiting_for_scan', 'authenticated', 'connected'])))
    .limit(limit);
  let changed = 0;
  for (const channel of open) {
    try {
      const health = await gatewayNamed(channel.gateway).health(gatewayRef(channel), now);
      if (health.connection !== channel.connection) {
        await applyConnection(channel.partnerId, channel.id, health, systemCtx, now);
        changed += 1;
      }
    } catch (error) {
      logger.warn('channel health check failed', { channel_id: channel.id, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return changed;
}
