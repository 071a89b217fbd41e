import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GatewayError } from './gateway';
import { WhapiGateway } from './whapi';

type Seen = { method: string; url: string; auth: string | undefined; body: unknown };

/**
 * A local stand-in for the gateway's two documented APIs: the partner API (PUT /channels → {id, token, …},
 * PATCH /channels/{id}/mode, POST /channels/{id}/extend {days, comment} → {success}, POST …/start|stop,
 * DELETE /channels/{id}) with the partner token, and the channel API (GET /users/login → {status, base64,
 * rowdata, expire}; 409 when authenticated; GET /users/login/{phone} → {code}; GET /health →
 * {status:{code,text}, user}) with the channel's token. Errors are {error:{code, message}}.
 */
let server: Server;
let base: string;
const seen: Seen[] = [];
let health = 'QR';
let authenticated = false;
/** The next this-many requests are answered with `failStatus` (0: none), to stand for a gateway in trouble. */
let failNext = 0;
let failStatus = 503;

async function readBody(request: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const body = await readBody(request);
    seen.push({ method: request.method!, url: request.url!, auth: request.headers.authorization, body });
    const send = (status: number, payload: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(payload));
    };
    const url = request.url!;
    if (failNext > 0) {
      failNext -= 1;
      return send(failStatus, { error: { code: failStatus, message: 'Service temporarily unavailable' } });
    }
    if (url.startsWith('/manager/') && request.headers.authorization !== 'Bearer partner-token-123456') return send(401, { error: { code: 401, message: 'Unauthorized' } });
    if (url.startsWith('/gate/') && request.headers.authorization !== 'Bearer channel-token-0123456789abcdef0123') return send(401, { error: { code: 401, message: 'Unauthorized' } });
    if (request.method === 'PUT' && url === '/manager/channels') {
      if (!(body as { projectId?: string }).projectId) return send(404, { error: { code: 404, message: 'Specified project not found' } });
      return send(200, { id: 'MANTIS-PF298', token: 'channel-token-0123456789abcdef0123', apiUrl: 'https://gate.example', activeTill: 0, trial: 1767225600, stopped: false, mode: 'trial', projectId: 'prj' });
    }
    if (request.method === 'PATCH' && url === '/manager/channels/MANTIS-PF298/mode') return send(200, { success: true });
    if (request.method === 'POST' && url === '/manager/channels/MANTIS-PF298/extend') return send(200, { success: true });
    if (request.method === 'POST' && /\/manager\/channels\/MANTIS-PF298\/(start|stop)$/.test(url)) return send(200, { success: true });
    if (request.method === 'DELETE' && url === '/manager/channels/MANTIS-PF298') return send(200, { success: true });
    if (request.method === 'POST' && url.startsWith('/manager/channels/')) return send(404, { error: { code: 404, message: 'Specified channel not found' } });
    if (request.method === 'GET' && url === '/gate/users/login?wakeup=false') {
      if (authenticated) return send(409, { error: { code: 409, message: 'Channel already authenticated' } });
      return send(200, { status: 'OK', base64: 'data:image/png;base64,AAAA', rowdata: '2@abc,def', expire: 20 });
    }
    if (request.method === 'GET' && url.startsWith('/gate/users/login/')) {
      const phone = url.split('/').pop()!;
      if (!/^\d{8,15}$/.test(phone)) return send(400, { error: { code: 400, message: 'Invalid phone number' } });
      return send(200, { code: 'ABCD-1234' });
    }
    if (request.method === 'GET' && url === '/gate/health?wakeup=false') return send(200, { status: { code: 4, text: health }, user: health === 'AUTH' ? { id: '919876543210' } : undefined });
    send(404, { error: { code: 404, message: 'Not found' } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => {
  server.close(() => resolve());
  server.closeAllConnections();
}));

beforeEach(() => {
  seen.length = 0;
  health = 'QR';
  authenticated = false;
  failNext = 0;
  failStatus = 503;
});

const gateway = () => new WhapiGateway({ partnerToken: 'partner-token-123456', projectId: 'prj', managerUrl: `${base}/manager`, gateUrl: `${base}/gate` });
const ref = { gatewayId: 'MANTIS-PF298', gatewayToken: 'channel-token-0123456789abcdef0123' };

describe('the real gateway adapter against a local fake of its documented API', () => {
  it('creates a channel with the partner token and keeps its id and channel token', async () => {
    expect(await gateway().create({ name: 'Support', mode: 'trial' })).toEqual(ref);
    expect(seen[0]).toEqual({ method: 'PUT', url: '/manager/channels', auth: 'Bearer partner-token-123456', body: { name: 'Support', projectId: 'prj' } });
  });

  it('changes mode, extends with days and a comment, stops, starts and deletes', async () => {
    const g = gateway();
    await g.setMode(ref, 'live');
    await g.extend(ref, 30, 'December');
    await g.stop(ref);
    await g.start(ref);
    await g.remove(ref);
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'PATCH /manager/channels/MANTIS-PF298/mode',
      'POST /manager/channels/MANTIS-PF298/extend',
      'POST /manager/channels/MANTIS-PF298/stop',
      'POST /manager/channels/MANTIS-PF298/start',
      'DELETE /manager/channels/MANTIS-PF298',
    ]);
    expect(seen[0]!.body).toEqual({ mode: 'live' });
    expect(seen[1]!.body).toEqual({ days: 30, comment: 'December' });
  });

  it('reads the QR with the channel token, without waking a stopped channel, and reports an authenticated one', async () => {
    const now = new Date('2026-12-01T10:00:00Z');
    const qr = await gateway().qr(ref, now);
    expect(qr).toEqual({ status: 'qr', qr: { value: '2@abc,def', index: 0, expiresAt: new Date('2026-12-01T10:00:20Z') } });
    expect(seen[0]!.auth).toBe('Bearer channel-token-0123456789abcdef0123');
    authenticated = true;
    expect(await gateway().qr(ref, now)).toEqual({ status: 'authenticated' });
  });

  it('gets a pairing code for digits only, and explains a refused number', async () => {
    expect(await gateway().pairingCode(ref, '+91 98765 43210')).toEqual({ code: 'ABCD-1234' });
    expect(seen[0]!.url).toBe('/gate/users/login/919876543210');
    const error = await gateway()
      .pairingCode(ref, '+1')
      .catch((e) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error.status).toBe(400);
  });

  it('maps health texts to connection states', async () => {
    expect((await gateway().health(ref)).connection).toBe('waiting_for_scan');
    health = 'AUTH';
    expect(await gateway().health(ref)).toEqual({ connection: 'connected', reason: null, phone: '+919876543210' });
    health = 'INIT';
    expect((await gateway().health(ref)).connection).toBe('initialising');
    health = 'ERROR';
    expect((await gateway().health(ref)).connection).toBe('failed');
  });

  it('turns refusals into clear errors and never shows the tokens', async () => {
    const error = await gateway()
      .extend({ gatewayId: 'NOPE', gatewayToken: null }, 1, 'x')
      .catch((e) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error.message).toBe('The gateway does not know this channel.');
    expect(JSON.stringify({ message: error.message, detail: error.detail })).not.toContain('partner-token');
    const unreachable = new WhapiGateway({ partnerToken: 'partner-token-123456', projectId: 'prj', managerUrl: 'http://127.0.0.1:9', gateUrl: 'http://127.0.0.1:9', timeoutMs: 500 });
    expect((await unreachable.create({ name: 'x', mode: 'trial' }).catch((e) => e)).message).toContain('did not answer');
  });

  describe('retries with backoff when the gateway fails transiently', () => {
    const waits: number[] = [];
    const patient = () => new WhapiGateway({ partnerToken: 'partner-token-123456', projectId: 'prj', managerUrl: `${base}/manager`, gateUrl: `${base}/gate`, retryDelaysMs: [100, 300], sleep: async (ms) => void waits.push(ms) });
    beforeEach(() => void (waits.length = 0));

    it('repeats a read after a bad gateway and answers once it recovers, waiting longer each time', async () => {
      failNext = 2;
      failStatus = 502;
      expect((await patient().health(ref)).connection).toBe('waiting_for_scan');
      expect(seen).toHaveLength(3);
      expect(waits).toEqual([100, 300]);
    });

    it('says clearly that the gateway kept failing when every attempt did', async () => {
      failNext = 5;
      const error = await patient()
        .qr(ref, new Date())
        .catch((e) => e);
      expect(error).toBeInstanceOf(GatewayError);
      expect(error.message).toBe('The channel gateway kept failing (3 attempts): The gateway is busy; try again in a moment.');
      expect(seen).toHaveLength(3);
    });

    it('repeats extending only when the gateway said it did not act, never after an ambiguous failure', async () => {
      failNext = 1;
      await patient().extend(ref, 30, 'December');
      expect(seen.map((s) => s.method)).toEqual(['POST', 'POST']);
      seen.length = 0;
      failNext = 1;
      failStatus = 502;
      const error = await patient()
        .extend(ref, 30, 'December')
        .catch((e) => e);
      expect(error.status).toBe(502);
      expect(seen).toHaveLength(1);
    });

    it('does not repeat a refusal that is not transient', async () => {
      failNext = 1;
      failStatus = 404;
      await expect(patient().health(ref)).rejects.toThrow('does not know this channel');
      expect(waits).toEqual([]);
    });
  });
});
