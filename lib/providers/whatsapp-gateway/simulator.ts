import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { simulatedGatewayChannels } from '@/db/schema';
import { newId } from '@/lib/ids';
import { GatewayError, qrRotation, qrSlot, type GatewayHealth, type GatewayMode, type GatewayQrResult, type GatewayRef, type WhatsAppGateway } from './gateway';

/** The phone a simulated scan connects when none is given. */
export const simulatedDefaultPhone = '+919000000100';
/** A phone connected with this number is logged out (the phone "removed the device") this long after connecting. */
export const simulatedLogoutPhone = '+919000000401';
export const simulatedLogoutAfterMs = 2 * 60 * 1000;
/** A pairing code asked for this number is refused, as a gateway refuses a number it cannot reach. */
export const simulatedUnreachablePhone = '+919000000400';

/** The simulator's documented behaviour, published in the API reference. */
export const gatewaySimulatorRules = [
  { when: 'a QR code is asked for', outcome: `a login starts: the first code lasts ${qrRotation.firstSeconds} s, then a new one every ${qrRotation.laterSeconds} s, ${qrRotation.codes} in all; after that the connection fails (no scan in time) and a new login can be started` },
  { when: 'a scan is simulated (sandboxes and the demo)', outcome: `the phone authenticates, then connects, as ${simulatedDefaultPhone} unless a phone number is given` },
  { when: `the phone is ${simulatedLogoutPhone}`, outcome: `it is logged out ${simulatedLogoutAfterMs / 60_000} minutes after connecting: the phone removed the linked device` },
  { when: `a pairing code is asked for ${simulatedUnreachablePhone}`, outcome: 'refused: the number cannot be reached on WhatsApp' },
  { when: 'any other pairing code request', outcome: 'an 8-character code derived from the channel and phone; a simulated scan completes it' },
] as const;

const codeOf = (...parts: string[]) => createHmac('sha256', 'gateway-simulator').update(parts.join('|')).digest('hex');

/**
 * A deterministic gateway: its state lives in its own table, so the server and the worker agree on the QR
 * rotation and logins, and tests move the clock instead of waiting.
 */
export class GatewaySimulator implements WhatsAppGateway {
  readonly name = 'simulator' as const;

  private async row(ref: GatewayRef) {
    const [row] = await getDb().select().from(simulatedGatewayChannels).where(eq(simulatedGatewayChannels.id, ref.gatewayId)).limit(1);
    if (!row) throw new GatewayError('The gateway does not know this channel.', 404);
    return row;
  }

  private async patch(ref: GatewayRef, values: Partial<typeof simulatedGatewayChannels.$inferInsert>) {
    await getDb().update(simulatedGatewayChannels).set(values).where(eq(simulatedGatewayChannels.id, ref.gatewayId));
  }

  async create({ name, mode }: { name: string; mode: GatewayMode }) {
    const gatewayId = `SIM-${newId('channel').slice(-10).toUpperCase()}`;
    await getDb().insert(simulatedGatewayChannels).values({ id: gatewayId, name, mode });
    return { gatewayId, gatewayToken: null };
  }

  async setMode(ref: GatewayRef, mode: GatewayMode) {
    await this.patch(ref, { mode });
  }

  async extend(ref: GatewayRef) {
    await this.row(ref);
  }

  async stop(ref: GatewayRef) {
    await this.patch(ref, { stopped: true });
  }

  async start(ref: GatewayRef) {
    await this.patch(ref, { stopped: false });
  }

  async remove(ref: GatewayRef) {
    await getDb().delete(simulatedGatewayChannels).where(eq(simulatedGatewayChannels.id, ref.gatewayId));
  }

  async qr(ref: GatewayRef, now: Date): Promise<GatewayQrResult> {
    const row = await this.row(ref);
    if (row.stopped) throw new GatewayError('The channel is stopped.', 409);
    if (row.authenticatedAt && !row.loggedOutAt) return { status: 'authenticated' };
    let started = row.loginStartedAt;
    // A finished login (failed, or logged out) starts again with a fresh rotation.
    if (!started || row.failedReason || row.loggedOutAt) {
      started = now;
      await this.patch(ref, { loginStartedAt: now, failedReason: null, loggedOutAt: null, authenticatedAt: null, phone: null, pairingPhone: null });
    }
    const slot = qrSlot(now.getTime() - started.getTime());
    if (!slot) {
      const reason = `No scan within ${qrRotation.codes} QR codes; start again for new ones.`;
      await this.patch(ref, { failedReason: reason });
      return { status: 'timeout', reason };
    }
    const value = `2@${codeOf(ref.gatewayId, started.toISOString(), String(slot.index)).slice(0, 40)},${ref.gatewayId},${slot.index}`;
    return { status: 'qr', qr: { value, index: slot.index, expiresAt: new Date(started.getTime() + slot.endsAfterMs) } };
  }

  async pairingCode(ref: GatewayRef, phone: string, now: Date) {
    const row = await this.row(ref);
    if (row.authenticatedAt && !row.loggedOutAt) throw new GatewayError('The channel is already connected.', 409);
    if (phone === simulatedUnreachablePhone) throw new GatewayError('This number cannot be reached on WhatsApp.', 400);
    await this.patch(ref, { loginStartedAt: now, pairingPhone: phone, failedReason: null, loggedOutAt: null });
    const raw = codeOf(ref.gatewayId, phone, now.toISOString()).replace(/[^a-f]/g, '').padEnd(8, 'x');
    const code = raw.slice(0, 8).toUpperCase();
    return { code: `${code.slice(0, 4)}-${code.slice(4)}` };
  }

  /** Sandboxes and the demo: what scanning the QR (or typing the pairing code) on a phone does. */
  async simulateScan(ref: GatewayRef, now: Date, phone?: string) {
    const row = await this.row(ref);
    if (row.stopped) throw new GatewayError('The channel is stopped.', 409);
    if (!row.loginStartedAt || row.failedReason) throw new GatewayError('No QR code or pairing code is out: start connecting first.', 409);
    if (!row.pairingPhone && !qrSlot(now.getTime() - row.loginStartedAt.getTime())) throw new GatewayError('The QR codes ran out before the scan: start again.', 409);
    await this.patch(ref, { authenticatedAt: now, phone: phone ?? row.pairingPhone ?? simulatedDefaultPhone, loggedOutAt: null });
  }

  async health(ref: GatewayRef, now: Date): Promise<GatewayHealth> {
    const row = await this.row(ref);
    if (row.loggedOutAt) return { connection: 'logged_out', reason: 'The phone removed this linked device.', phone: row.phone };
    if (row.authenticatedAt) {
      if (row.phone === simulatedLogoutPhone && now.getTime() - row.authenticatedAt.getTime() >= simulatedLogoutAfterMs) {
        await this.patch(ref, { loggedOutAt: now });
        return { connection: 'logged_out', reason: 'The phone removed this linked device.', phone: row.phone };
      }
      return { connection: 'connected', reason: null, phone: row.phone };
    }
    if (row.failedReason) return { connection: 'failed', reason: row.failedReason, phone: null };
    if (row.loginStartedAt) {
      if (!row.pairingPhone && !qrSlot(now.getTime() - row.loginStartedAt.getTime())) {
        const reason = `No scan within ${qrRotation.codes} QR codes; start again for new ones.`;
        await this.patch(ref, { failedReason: reason });
        return { connection: 'failed', reason, phone: null };
      }
      return { connection: 'waiting_for_scan', reason: null, phone: row.pairingPhone };
    }
    return { connection: 'initialising', reason: null, phone: null };
  }
}
