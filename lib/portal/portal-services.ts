import type { PartnerCtx } from '@/lib/audit/context';
import { channelPairingCode, simulateChannelScan } from '@/lib/channels/connect';
import { getChannel, listChannels } from '@/lib/channels/manage-channels';
import { AppError, notFound } from '@/lib/errors/app-error';
import { getNumber, listNumbers } from '@/lib/numbers/client-numbers';
import { getNumberSchedule } from '@/lib/numbers/number-schedule';
import type { Untrusted } from '@/lib/errors/zod';
import type { ListParams } from '@/lib/pagination/cursor';
import { getWhatsappSchedule } from '@/lib/whatsapp/number-schedules';
import { listNumbersWithSchedules, numberWithSchedule } from '@/lib/whatsapp/read-numbers';
import { portalScope } from './portal-data';

/**
 * What a client's members see of its services in the portal: its numbers with their hours, its WhatsApp numbers
 * with their health, and its channels (connecting a phone to one). Every function reads the member's own client
 * only; another client's id, or another partner's, is the same 404 as an unknown one.
 */

/** A lookup that found the partner's row but another client's, or nothing, reads the same. */
async function ownOr404<T>(read: () => Promise<T>, isMine: (row: T) => boolean, what: string): Promise<T> {
  let row: T;
  try {
    row = await read();
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') throw notFound(what);
    throw error;
  }
  if (!isMine(row)) throw notFound(what);
  return row;
}

export async function portalNumbers(ctx: PartnerCtx, params: ListParams) {
  const { clientId, read } = portalScope(ctx);
  return listNumbers(read, { ...params, clientId });
}

/** One of the client's numbers with its working hours; never its earlier tenures (other clients had them). */
export async function portalNumber(ctx: PartnerCtx, numberId: string) {
  const { clientId, read } = portalScope(ctx);
  const { history: _history, ...number } = await ownOr404(() => getNumber(read, numberId), (row) => row.clientId === clientId, 'Number');
  const schedule = number.status === 'quarantined' ? null : (await getNumberSchedule(read, number.id, clientId)).schedule;
  return { number, schedule };
}

export async function portalWhatsappNumbers(ctx: PartnerCtx, params: Partial<ListParams>) {
  const { clientId, read } = portalScope(ctx);
  return listNumbersWithSchedules(read, { ...params, client_id: clientId });
}

export async function portalWhatsappNumber(ctx: PartnerCtx, numberId: string) {
  const { clientId, read } = portalScope(ctx);
  const entry = await numberWithSchedule(read, numberId, { clientId });
  const { schedule } = entry.number.status === 'unlinked' ? { schedule: null } : await getWhatsappSchedule(read, numberId, { clientId });
  return { ...entry, schedule };
}

export async function portalChannels(ctx: PartnerCtx, params: ListParams) {
  const { clientId, read } = portalScope(ctx);
  return listChannels(read, { ...params, clientId });
}

export async function portalChannel(ctx: PartnerCtx, channelId: string) {
  const { clientId, read } = portalScope(ctx);
  return ownOr404(() => getChannel(read, channelId), (channel) => channel.client_id === clientId, 'Channel');
}

/** A pairing code for one of the client's channels, asked for by its member (audited as the member). */
export async function portalPairingCode(ctx: PartnerCtx, channelId: string, input: Untrusted<{ phone: unknown }>) {
  const channel = await portalChannel(ctx, channelId);
  return channelPairingCode(ctx.partnerId, channel.id, input, new Date(), ctx);
}

/** A simulated scan on one of the client's simulated channels (the demo and test clients have no phone to hand). */
export async function portalSimulateScan(ctx: PartnerCtx, channelId: string, input: Untrusted<{ phone: unknown }>) {
  const channel = await portalChannel(ctx, channelId);
  return simulateChannelScan(ctx.partnerId, channel.id, input, new Date(), ctx);
}
