import { GatewayError, type GatewayConnection, type GatewayHealth, type GatewayMode, type GatewayQrResult, type GatewayRef, type WhatsAppGateway } from './gateway';

export type WhapiOptions = {
  partnerToken: string;
  projectId: string;
  managerUrl: string;
  gateUrl: string;
  timeoutMs?: number;
  /** Waits before the second, third… attempt of a call that failed transiently (default 0.5 s, 1.5 s). */
  retryDelaysMs?: number[];
  sleep?: (ms: number) => Promise<void>;
};

const defaultRetryDelaysMs = [500, 1500];

/** Answers that say the gateway did not act on the request (busy, rate-limited, a proxy in front of it failing). */
const refusedStatuses = new Set([429, 503]);
const transientStatuses = new Set([429, 502, 503, 504]);

type WhapiChannel = { id: string; token?: string; activeTill?: number; mode?: string; stopped?: boolean };

/** The gateway's health texts, in Switchboard's connection vocabulary. */
const healthStates: Record<string, GatewayConnection> = { INIT: 'initialising', LAUNCH: 'initialising', QR: 'waiting_for_scan', AUTH: 'connected', ERROR: 'failed', SYNC_ERROR: 'failed', STOP: 'failed' };

/**
 * The real gateway: Whapi.Cloud's partner API (manager: create, mode, extend, start/stop, delete; with the
 * partner token) and its channel API (gate: QR, pairing code, health; with the channel's own token). Chosen
 * for live partners when WHAPI_PARTNER_TOKEN and WHAPI_PROJECT_ID are set.
 */
export class WhapiGateway implements WhatsAppGateway {
  readonly name = 'whapi' as const;

  constructor(private readonly options: WhapiOptions) {}

  /**
   * One gateway call, tried again with growing waits while it fails transiently. A call that is safe to repeat
   * (reads, setting a mode, starting, stopping, deleting) is repeated after any transient failure; one that is not
   * (creating a channel, extending it by days) only after an answer that says the gateway did not act (429, 503),
   * never after a lost answer, which may hide a channel created or days added. When every attempt failed, the
   * error says so.
   */
  private async call<T>(base: 'manager' | 'gate', method: string, path: string, token: string, body?: unknown): Promise<{ status: number; data: T }> {
    const delays = this.options.retryDelaysMs ?? defaultRetryDelaysMs;
    const sleep = this.options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    const repeatable = !((method === 'PUT' && path === '/channels') || (method === 'POST' && path.endsWith('/extend')));
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.once<T>(base, method, path, token, body);
      } catch (error) {
        if (!(error instanceof GatewayError)) throw error;
        const transient = repeatable ? error.status === null || transientStatuses.has(error.status) : error.status !== null && refusedStatuses.has(error.status);
        if (!transient) throw error;
        if (attempt >= delays.length) {
          throw delays.length ? new GatewayError(`The channel gateway kept failing (${attempt + 1} attempts): ${error.message}`, error.status, error.detail) : error;
        }
        await sleep(delays[attempt]!);
      }
    }
  }

  private async once<T>(base: 'manager' | 'gate', method: string, path: string, token: string, body?: unknown): Promise<{ status: number; data: T }> {
    const url = `${(base === 'manager' ? this.options.managerUrl : this.options.gateUrl).replace(/\/$/, '')}${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      });
    } catch {
      throw new GatewayError('The channel gateway did not answer; try again in a moment.', null);
    }
    const text = await response.text();
    let data: unknown = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null;
    }
    if (!response.ok) {
      const error = (data as { error?: { message?: string; code?: number } } | null)?.error;
      throw new GatewayError(this.explain(response.status, error?.message), response.status, error?.message);
    }
    return { status: response.status, data: data as T };
  }

  /** Clear reasons for the gateway's documented refusals; its own wording is kept for logs only. */
  private explain(status: number, message?: string): string {
    if (status === 402) return 'Trial limit reached: move the channel to live to lift it.';
    if (status === 404) return 'The gateway does not know this channel.';
    if (status === 409) return 'The channel is already connected.';
    if (status === 400) return message ? `The gateway refused the request: ${message}` : 'The gateway refused the request.';
    if (status === 503) return 'The gateway is busy; try again in a moment.';
    return 'The channel gateway failed; try again in a moment.';
  }

  private gateToken(ref: GatewayRef): string {
    if (!ref.gatewayToken) throw new GatewayError('This channel has no gateway token.', null);
    return ref.gatewayToken;
  }

  async create({ name, mode }: { name: string; mode: GatewayMode }) {
    const { data } = await this.call<WhapiChannel>('manager', 'PUT', '/channels', this.options.partnerToken, { name, projectId: this.options.projectId });
    if (!data?.id || !data.token) throw new GatewayError('The gateway answered without a channel id or token.', 200);
    if (mode === 'live') await this.setMode({ gatewayId: data.id, gatewayToken: data.token }, 'live');
    return { gatewayId: data.id, gatewayToken: data.token };
  }

  async setMode(ref: GatewayRef, mode: GatewayMode) {
    await this.call('manager', 'PATCH', `/channels/${encodeURIComponent(ref.gatewayId)}/mode`, this.options.partnerToken, { mode });
  }

  async extend(ref: GatewayRef, days: number, comment: string) {
    await this.call('manager', 'POST', `/channels/${encodeURIComponent(ref.gatewayId)}/extend`, this.options.partnerToken, { days, comment });
  }

  async stop(ref: GatewayRef) {
    await this.call('manager', 'POST', `/channels/${encodeURIComponent(ref.gatewayId)}/stop`, this.options.partnerToken);
  }

  async start(ref: GatewayRef) {
    await this.call('manager', 'POST', `/channels/${encodeURIComponent(ref.gatewayId)}/start`, this.options.partnerToken);
  }

  async remove(ref: GatewayRef) {
    await this.call('manager', 'DELETE', `/channels/${encodeURIComponent(ref.gatewayId)}`, this.options.partnerToken);
  }

  async qr(ref: GatewayRef, now: Date): Promise<GatewayQrResult> {
    try {
      const { data } = await this.call<{ status?: string; rowdata?: string; expire?: number }>('gate', 'GET', '/users/login?wakeup=false', this.gateToken(ref));
      if (data?.status === 'TIMEOUT') return { status: 'timeout', reason: 'No scan in time; start again for new codes.' };
      if (!data?.rowdata) throw new GatewayError('The gateway sent no QR code.', 200);
      // `expire` is seconds left on this code.
      const seconds = typeof data.expire === 'number' && data.expire > 0 ? data.expire : 20;
      return { status: 'qr', qr: { value: data.rowdata, index: 0, expiresAt: new Date(now.getTime() + seconds * 1000) } };
    } catch (error) {
      if (error instanceof GatewayError && error.status === 409) return { status: 'authenticated' };
      throw error;
    }
  }

  async pairingCode(ref: GatewayRef, phone: string) {
    const { data } = await this.call<{ code?: string }>('gate', 'GET', `/users/login/${encodeURIComponent(phone.replace(/\D/g, ''))}`, this.gateToken(ref));
    if (!data?.code) throw new GatewayError('The gateway sent no pairing code.', 200);
    return { code: data.code };
  }

  async health(ref: GatewayRef): Promise<GatewayHealth> {
    // wakeup=false: reading the health must never relaunch a stopped channel.
    const { data } = await this.call<{ status?: { text?: string }; user?: { id?: string } }>('gate', 'GET', '/health?wakeup=false', this.gateToken(ref));
    const text = data?.status?.text ?? 'INIT';
    const connection = healthStates[text] ?? 'initialising';
    const phone = data?.user?.id ? `+${data.user.id.replace(/\D/g, '')}` : null;
    const reason = connection === 'failed' ? (text === 'STOP' ? 'The gateway stopped the channel.' : 'The gateway reported an error with this session.') : null;
    return { connection, reason, phone };
  }
}
