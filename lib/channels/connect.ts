import { eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import { getDb } from '@/db';
import { channels, type Channel } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { systemCtx, type Ctx } from '@/lib/audit/context';
import { AppError, conflict } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { emitEvent } from '@/lib/events/emit-event';
import { gatewayNamed, gatewaySimulator, GatewayError, type GatewayConnection, type GatewayHealth } from '@/lib/providers/whatsapp-gateway';
import { channelOf, gatewayRef } from './channel-rows';
import { channelView } from './channel-view';
import { announceChannelChange } from './live-updates';
import { pairingCodeSchema, simulateScanSchema } from './schemas';

/** A gateway refusal as a clear, stable error: its own reason, never its raw answer. */
function asAppError(error: unknown): never {
  if (error instanceof GatewayError) {
    if (error.status === 400) throw new AppError('validation_failed', error.message, { phone: error.message });
    if (error.status === 409) throw conflict(error.message);
    throw new AppError('service_unavailable', error.message, undefined, { 'Retry-After': '5' });
  }
  throw error;
}

function connectable(channel: Channel) {
  if (channel.status === 'deleted') throw conflict('This channel was deleted.');
  if (channel.status === 'stopped') throw conflict('This channel is stopped: allocate days to restart it, then connect.');
}

/**
 * Records what the gateway says about the phone when it differs from what the books hold, with the event a
 * partner cares about (connected, disconnected) and an audit entry, and tells open pages.
 */
export async function applyConnection(partnerId: string, channelId: string, health: GatewayHealth, ctx: Ctx = systemCtx, now: Date = new Date()): Promise<Channel> {
  return getDb().transaction(async (tx) => {
    const channel = await channelOf(tx, partnerId, channelId, true);
    if (channel.status === 'deleted' || (channel.connection === health.connection && channel.connectionReason === health.reason)) return channel;
    const connected = health.connection === 'connected';
    const [updated] = await tx
      .update(channels)
      .set({ connection: health.connection, connectionReason: health.reason, phone: health.phone ?? channel.phone, connectedAt: connected ? (channel.connection === 'connected' ? channel.connectedAt : now) : channel.connectedAt })
      .where(eq(channels.id, channel.id))
      .returning();
    if (connected && channel.connection !== 'connected') await emitEvent(tx, partnerId, 'channel.connected', { channel_id: channel.id, client_id: channel.clientId, phone: health.phone });
    const lost: GatewayConnection[] = ['failed', 'logged_out'];
    if (channel.connection === 'connected' && lost.includes(health.connection)) await emitEvent(tx, partnerId, 'channel.disconnected', { channel_id: channel.id, client_id: channel.clientId, connection: health.connection, reason: health.reason });
    await recordAudit(tx, ctx, { partnerId, action: 'channel.connection_changed', targetType: 'channel', targetId: channel.id, before: { connection: channel.connection }, after: { connection: health.connection, reason: health.reason } });
    await announceChannelChange(tx, partnerId, channel.id);
    return updated!;
  });
}

export type ChannelQr = { value: string; index: number; expires_at: Date; image_png: string; svg: string };

/**
 * The channel's current QR code (starting a login when none is under way), drawn as PNG and SVG, and the
 * channel as it now stands. No code when the phone is already connected or the six codes ran out.
 */
export async function channelQr(partnerId: string, channelId: string, now: Date = new Date(), ctx: Ctx = systemCtx): Promise<{ channel: ReturnType<typeof channelView>; qr: ChannelQr | null }> {
  const channel = await channelOf(getDb(), partnerId, channelId);
  connectable(channel);
  if (channel.connection === 'connected') return { channel: channelView(channel, now), qr: null };
  const gateway = gatewayNamed(channel.gateway);
  const result = await gateway.qr(gatewayRef(channel), now).catch(asAppError);
  if (result.status === 'authenticated') {
    const health = await gateway.health(gatewayRef(channel), now).catch(asAppError);
    return { channel: channelView(await applyConnection(partnerId, channelId, health, ctx, now), now), qr: null };
  }
  if (result.status === 'timeout') return { channel: channelView(await applyConnection(partnerId, channelId, { connection: 'failed', reason: result.reason, phone: null }, ctx, now), now), qr: null };
  const updated = await applyConnection(partnerId, channelId, { connection: 'waiting_for_scan', reason: null, phone: channel.phone }, ctx, now);
  const [png, svg] = await Promise.all([QRCode.toDataURL(result.qr.value, { errorCorrectionLevel: 'L', margin: 2, width: 264 }), QRCode.toString(result.qr.value, { type: 'svg', errorCorrectionLevel: 'L', margin: 2 })]);
  return { channel: channelView(updated, now), qr: { value: result.qr.value, index: result.qr.index, expires_at: result.qr.expiresAt, image_png: png, svg } };
}

/** A pairing code for a phone number, to type on the phone instead of scanning. */
export async function channelPairingCode(partnerId: string, channelId: string, input: Untrusted<{ phone: unknown }>, now: Date = new Date(), ctx: Ctx = systemCtx) {
  const data = parseInput(pairingCodeSchema, input);
  const channel = await channelOf(getDb(), partnerId, channelId);
  connectable(channel);
  if (channel.connection === 'connected') throw conflict('The channel is already connected.');
  const { code } = await gatewayNamed(channel.gateway).pairingCode(gatewayRef(channel), data.phone, now).catch(asAppError);
  const updated = await applyConnection(partnerId, channelId, { connection: 'waiting_for_scan', reason: null, phone: data.phone }, ctx, now);
  return { channel: channelView(updated, now), code, phone: data.phone };
}

/**
 * What scanning the QR (or typing the pairing code) on a phone does, for channels on the gateway simulator
 * (sandboxes, the demo, and servers without a real gateway): the phone authenticates, then connects.
 */
export async function simulateChannelScan(partnerId: string, channelId: string, input: Untrusted<{ phone: unknown }> = {}, now: Date = new Date(), ctx: Ctx = systemCtx) {
  const data = parseInput(simulateScanSchema, input);
  const channel = await channelOf(getDb(), partnerId, channelId);
  connectable(channel);
  if (channel.gateway !== 'simulator') throw new AppError('forbidden', 'A scan can only be simulated on a simulated channel; scan the code with a phone.');
  await gatewaySimulator.simulateScan(gatewayRef(channel), now, data.phone).catch(asAppError);
  await applyConnection(partnerId, channelId, { connection: 'authenticated', reason: null, phone: data.phone ?? null }, ctx, now);
  const health = await gatewaySimulator.health(gatewayRef(channel), now);
  return channelView(await applyConnection(partnerId, channelId, health, ctx, now), now);
}

/** Re-reads the phone's state from the gateway (on demand, and by the worker for open logins and connections). */
export async function refreshConnection(partnerId: string, channelId: string, now: Date = new Date()) {
  const channel = await channelOf(getDb(), partnerId, channelId);
  if (channel.status !== 'active') return channelView(channel, now);
  const health = await gatewayNamed(channel.gateway).health(gatewayRef(channel), now).catch(asAppError);
  return channelView(await applyConnection(partnerId, channelId, health, systemCtx, now), now);
}

/**
 * The current QR code as PNG bytes, for an `<img src>` or a download (REST and the hosted connect page): the
 * same code `channelQr` gives, with when it expires. A connected phone, or a login whose six codes ran out, has no
 * code: a conflict that says which (asking again after a timeout starts a new login).
 */
export async function channelQrPng(partnerId: string, channelId: string, now: Date = new Date(), ctx: Ctx = systemCtx): Promise<{ png: Buffer; index: number; expiresAt: Date }> {
  const { channel, qr } = await channelQr(partnerId, channelId, now, ctx);
  if (!qr) throw conflict(channel.connection === 'connected' ? 'The phone is connected: there is no code to scan.' : `No code: ${channel.connection_reason ?? 'the login ended'} Ask again to start a new login.`);
  const png = await QRCode.toBuffer(qr.value, { type: 'png', errorCorrectionLevel: 'L', margin: 2, width: 264 });
  return { png, index: qr.index, expiresAt: qr.expires_at };
}

/** The HTTP answer carrying a QR PNG: never cached (each code lives seconds), with its place in the rotation. */
export function qrPngResponse(qr: { png: Buffer; index: number; expiresAt: Date }): Response {
  return new Response(new Uint8Array(qr.png), {
    status: 200,
    headers: { 'Content-Type': 'image/png', 'Cache-Control': 'no-store', 'Content-Length': String(qr.png.length), 'X-QR-Index': String(qr.index), 'X-QR-Expires-At': qr.expiresAt.toISOString() },
  });
}
