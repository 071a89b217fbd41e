import { systemCtx } from '@/lib/audit/context';
import { deleteChannel, extendChannel } from '@/lib/channels/channel-days';
import { dayMs } from '@/lib/channels/channel-view';
import { channelPairingCode, channelQr, refreshConnection, simulateChannelScan } from '@/lib/channels/connect';
import { buyDays, setDaysThreshold } from '@/lib/channels/day-balance';
import { sweepChannelExpiry } from '@/lib/channels/expiry';
import { createChannel } from '@/lib/channels/manage-channels';
import { listClients } from '@/lib/clients/manage-clients';
import { simulatedLogoutPhone } from '@/lib/providers/whatsapp-gateway/simulator';

/**
 * WhatsApp channels for one demo partner, one in each state a partner meets: a fresh trial, a trial waiting
 * for its scan, a live connected channel, a live one about to run out, one whose QR codes ran out, one whose
 * phone logged out, a stopped trial and a deleted channel (its unused days returned). All on the gateway
 * simulator, so a newcomer can scan by the "Simulate a scan" button. Needs the prepaid balance seedMoney gives.
 */
export async function seedChannels(partnerId: string, now: Date = new Date()): Promise<void> {
  const ctx = { ...systemCtx, partnerId };
  const clients = (await listClients(ctx, { status: 'active', limit: 3 })).data;
  if (!clients.length) return;
  const clientFor = (i: number) => clients[i % clients.length]!.id;
  const ago = (ms: number) => new Date(now.getTime() - ms);
  await buyDays(ctx, { quantity: 240 });
  await setDaysThreshold(ctx, { threshold: 30 });

  await createChannel(ctx, { clientId: clientFor(0), name: 'Front desk', trialDays: 5 }, now);

  const waiting = await createChannel(ctx, { clientId: clientFor(1), name: 'Sales enquiries', trialDays: 7 }, ago(10_000));
  await channelQr(partnerId, waiting.channel.id, now);

  const support = await createChannel(ctx, { clientId: clientFor(0), name: 'Customer support' }, ago(20 * dayMs));
  await extendChannel(ctx, support.channel.id, { days: 60, comment: 'Quarterly plan, paid' }, ago(18 * dayMs));
  await channelQr(partnerId, support.channel.id, ago(60_000));
  await simulateChannelScan(partnerId, support.channel.id, { phone: '+919876500011' }, ago(30_000));

  const deliveries = await createChannel(ctx, { clientId: clientFor(2), name: 'Deliveries' }, ago(40 * dayMs));
  await extendChannel(ctx, deliveries.channel.id, { days: 30, comment: 'Monthly plan' }, ago(28 * dayMs));
  await channelPairingCode(partnerId, deliveries.channel.id, { phone: '+919876500022' }, ago(120_000));
  await simulateChannelScan(partnerId, deliveries.channel.id, {}, ago(100_000));

  const timedOut = await createChannel(ctx, { clientId: clientFor(1), name: 'Branch office' }, ago(dayMs));
  await channelQr(partnerId, timedOut.channel.id, ago(200_000));
  await channelQr(partnerId, timedOut.channel.id, now);

  const field = await createChannel(ctx, { clientId: clientFor(2), name: 'Field team' }, ago(3 * dayMs));
  await extendChannel(ctx, field.channel.id, { days: 15, comment: 'Trial converted' }, ago(2 * dayMs));
  await channelQr(partnerId, field.channel.id, ago(10 * 60_000));
  await simulateChannelScan(partnerId, field.channel.id, { phone: simulatedLogoutPhone }, ago(9 * 60_000));
  await refreshConnection(partnerId, field.channel.id, now);

  await createChannel(ctx, { clientId: clientFor(0), name: 'Festive promo', trialDays: 5 }, ago(6 * dayMs));

  const archive = await createChannel(ctx, { clientId: clientFor(1), name: 'Old helpline' }, ago(50 * dayMs));
  await extendChannel(ctx, archive.channel.id, { days: 30, comment: 'First month' }, ago(45 * dayMs));
  await deleteChannel(ctx, archive.channel.id, { comment: 'Client moved to the support line' }, ago(20 * dayMs));

  // The worker's sweep as it would have run: the old trial stopped, the near ones warned.
  await sweepChannelExpiry(now);
}
