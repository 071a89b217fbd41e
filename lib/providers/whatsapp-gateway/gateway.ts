/**
 * A gateway that links a WhatsApp phone to an API by QR code or pairing code (a "channel"). Switchboard keeps
 * the books (days, mode, expiry) itself and tells the gateway what it decided; the gateway owns the phone's
 * session, so connection state is always read back from it.
 */
export type GatewayMode = 'trial' | 'live';

export type GatewayConnection = 'initialising' | 'waiting_for_scan' | 'authenticated' | 'connected' | 'failed' | 'logged_out';

export type GatewayHealth = { connection: GatewayConnection; reason: string | null; phone: string | null };

/** One QR code of a login: the text to encode, which of the rotation it is (0-based) and when it stops working. */
export type GatewayQr = { value: string; index: number; expiresAt: Date };

/** What a QR request found: a code to show, or why there is none. */
export type GatewayQrResult = { status: 'qr'; qr: GatewayQr } | { status: 'authenticated' } | { status: 'timeout'; reason: string };

export type CreatedGatewayChannel = { gatewayId: string; gatewayToken: string | null };

export type TrialLimits = { messagesPerDay: number; chatsPerMonth: number; apiCallsPerMonth: number };

export interface WhatsAppGateway {
  readonly name: 'simulator' | 'whapi';
  create(input: { name: string; mode: GatewayMode }): Promise<CreatedGatewayChannel>;
  setMode(channel: GatewayRef, mode: GatewayMode): Promise<void>;
  /** Records days the partner allocated (the gateway's own validity follows Switchboard's). */
  extend(channel: GatewayRef, days: number, comment: string): Promise<void>;
  stop(channel: GatewayRef): Promise<void>;
  start(channel: GatewayRef): Promise<void>;
  remove(channel: GatewayRef): Promise<void>;
  /** The current QR code of a login, starting one when none is under way. */
  qr(channel: GatewayRef, now: Date): Promise<GatewayQrResult>;
  /** A pairing code to type on the phone instead of scanning (WhatsApp → Linked devices → Link with phone number). */
  pairingCode(channel: GatewayRef, phone: string, now: Date): Promise<{ code: string }>;
  /** Reads the session's state; never wakes a stopped channel. */
  health(channel: GatewayRef, now: Date): Promise<GatewayHealth>;
}

/** How Switchboard addresses a channel on its gateway: its id there and (for real gateways) its own token. */
export type GatewayRef = { gatewayId: string; gatewayToken: string | null };

/** The limits a trial channel runs under, shown wherever a trial is. */
export const trialLimits: TrialLimits = { messagesPerDay: 150, chatsPerMonth: 5, apiCallsPerMonth: 1000 };

/** QR rotation: the first code lasts 60 s, each later one 20 s, six in all; then the login fails. */
export const qrRotation = { firstSeconds: 60, laterSeconds: 20, codes: 6 } as const;

/** Which code of the rotation is current `elapsedMs` after the login began, and when it ends; null once all six ran out. */
export function qrSlot(elapsedMs: number): { index: number; endsAfterMs: number } | null {
  const first = qrRotation.firstSeconds * 1000;
  const later = qrRotation.laterSeconds * 1000;
  if (elapsedMs < first) return { index: 0, endsAfterMs: first };
  const index = 1 + Math.floor((elapsedMs - first) / later);
  if (index >= qrRotation.codes) return null;
  return { index, endsAfterMs: first + index * later };
}

export class GatewayError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    /** The gateway's own answer, for logs (never holds the token). */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'GatewayError';
  }
}
