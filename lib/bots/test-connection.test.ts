import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocketServer } from 'ws';
import { getDb } from '@/db';
import { resetConfigForTests } from '@/lib/config';
import { auditLog, events, voiceBots } from '@/db/schema';
import { seedClient } from '@/lib/clients/seed-client';
import { ensureSandbox } from '@/lib/partners/sandbox';
import { makePartner, systemFor, unique } from '@/test/factories';
import { createVoiceBot, getVoiceBot, listVoiceBots, updateVoiceBot } from './manage-bots';
import { testVoiceBotConnection } from './test-connection';

// A real WSS server on this machine with a throw-away self-signed certificate, trusted by passing it as `ca`.
let server: Server;
let wss: WebSocketServer;
let cert: Buffer;
let port: number;
const received: { headers: Record<string, unknown>; messages: unknown[] }[] = [];
const privateTargets = (on: boolean) => {
  vi.stubEnv('WEBHOOK_ALLOW_PRIVATE_TARGETS', String(on));
  resetConfigForTests();
};
const secret = `Bearer sk-bot-${unique()}${unique()}`;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'wss-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
  cert = readFileSync(path.join(dir, 'cert.pem'));
  server = createServer({ key: readFileSync(path.join(dir, 'key.pem')), cert });
  wss = new WebSocketServer({
    server,
    verifyClient: ({ req }, done) => (req.url === '/silent' || req.headers.authorization === secret ? done(true) : done(false, 401, 'Unauthorized')),
  });
  wss.on('connection', (socket, request) => {
    const seen = { headers: request.headers as Record<string, unknown>, messages: [] as unknown[] };
    received.push(seen);
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString());
      seen.messages.push(message);
      if (request.url === '/silent') return;
      if (message.event === 'start') socket.send(JSON.stringify({ event: 'media', streamSid: message.streamSid, media: { payload: 'AAAA' } }));
      if (message.event === 'stop') socket.close(1000, 'bye');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  vi.unstubAllEnvs();
  resetConfigForTests();
  wss?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function sandboxClient() {
  // A sandbox may reach this machine (WEBHOOK_ALLOW_PRIVATE_TARGETS), as a developer's local bot would be.
  const live = await makePartner('bot');
  const ctx = systemFor(await ensureSandbox(live.id));
  const client = await seedClient(ctx, { name: `Client ${unique()}`, email: `c-${unique()}@example.com`, status: 'active' });
  return { ctx, client, live };
}

describe('voice bot test connection', () => {
  it('opens the WSS socket with the header, sends connected then start, reports the handshake, the first message and the close code', async () => {
    privateTargets(true);
    const { ctx, client } = await sandboxClient();
    const bot = await createVoiceBot(ctx, client.id, { name: 'Lead bot', purpose: 'voice', wssUrl: `wss://localhost:${port}/stream`, authHeader: `Authorization: ${secret}` });
    const report = await testVoiceBotConnection(ctx, bot.id, { ca: cert });
    expect(report).toMatchObject({ ok: true, error: null, closeCode: 1000, closeReason: 'bye', handshakeMs: expect.any(Number) });
    expect(JSON.parse(report.firstMessage!)).toMatchObject({ event: 'media' });
    const seen = received.at(-1)!;
    expect(seen.headers.authorization).toBe(secret);
    expect(seen.messages.map((m) => (m as { event: string }).event)).toEqual(['connected', 'start', 'stop']);
    expect(seen.messages[1]).toMatchObject({ start: { mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 }, customParameters: { test: 'true' } } });
  });

  it('says in plain words what failed: a refused header, a silent bot, an untrusted certificate, nothing listening', async () => {
    privateTargets(true);
    const { ctx, client } = await sandboxClient();
    const wrong = await createVoiceBot(ctx, client.id, { name: 'Wrong key', purpose: 'voice', wssUrl: `wss://localhost:${port}/stream`, authHeader: 'Authorization: Bearer nope' });
    expect(await testVoiceBotConnection(ctx, wrong.id, { ca: cert })).toMatchObject({ ok: false, error: expect.stringContaining('check the auth header') });
    expect(await testVoiceBotConnection(ctx, wrong.id)).toMatchObject({ ok: false, error: expect.stringContaining('certificate') });
    const silent = await createVoiceBot(ctx, client.id, { name: 'Silent', purpose: 'voice', wssUrl: `wss://localhost:${port}/silent` });
    expect(await testVoiceBotConnection(ctx, silent.id, { ca: cert, firstMessageTimeoutMs: 300 })).toMatchObject({ ok: false, handshakeMs: expect.any(Number), error: expect.stringContaining('sent nothing') });
    const nobody = await createVoiceBot(ctx, client.id, { name: 'Nobody', purpose: 'voice', wssUrl: 'wss://127.0.0.1:1/stream' });
    expect(await testVoiceBotConnection(ctx, nobody.id)).toMatchObject({ ok: false, error: expect.stringContaining('Nothing is listening') });
  });

  it('keeps a live partner’s bot URLs to wss on public addresses (the webhooks’ SSRF guard)', async () => {
    privateTargets(false);
    const { live } = await sandboxClient();
    const ctx = systemFor(live.id);
    const client = await seedClient(ctx, { name: `Client ${unique()}`, email: `c-${unique()}@example.com`, status: 'active' });
    await expect(createVoiceBot(ctx, client.id, { name: 'Local', purpose: 'voice', wssUrl: `wss://127.0.0.1:${port}/stream` })).rejects.toMatchObject({ fieldErrors: { wssUrl: expect.any(String) } });
    await expect(createVoiceBot(ctx, client.id, { name: 'Plain', purpose: 'voice', wssUrl: 'ws://bots.example.com/stream' })).rejects.toMatchObject({ fieldErrors: { wssUrl: expect.stringContaining('wss://') } });
    const resolve = async () => [{ address: '93.184.215.14', family: 4 }];
    const bot = await createVoiceBot(ctx, client.id, { name: 'Public', purpose: 'voice', wssUrl: 'wss://bots.example.com/stream', apiUrl: 'https://bots.example.com/api' }, { resolve });
    // The name now resolves to a private address (DNS rebinding): the test refuses to connect.
    const report = await testVoiceBotConnection(ctx, bot.id, { resolve: async () => [{ address: '10.0.0.8', family: 4 }] });
    expect(report).toMatchObject({ ok: false, handshakeMs: null });
  });

  it('never gives the header back: not in views, lists, audit entries, events or log lines; it can be replaced or removed', async () => {
    privateTargets(true);
    const lines: string[] = [];
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (lines.push(String(chunk)), true));
    const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (lines.push(String(chunk)), true));
    vi.stubEnv('LOG_LEVEL', 'debug');
    resetConfigForTests();
    try {
      const { ctx, client } = await sandboxClient();
      const bot = await createVoiceBot(ctx, client.id, { name: 'Secret keeper', purpose: 'voice', wssUrl: `wss://localhost:${port}/stream`, authHeader: `Authorization: ${secret}` });
      expect(bot.authHeaderHint).toBe('Authorization: ••••••••');
      await testVoiceBotConnection(ctx, bot.id, { ca: cert });
      const replaced = await updateVoiceBot(ctx, bot.id, { authHeader: 'X-Bot-Key: another-secret-value' });
      expect(replaced.authHeaderHint).toBe('X-Bot-Key: ••••••••');
      const shown = JSON.stringify([bot, replaced, await getVoiceBot(ctx, bot.id), await listVoiceBots(ctx, { clientId: client.id })]);
      const audit = JSON.stringify(await getDb().select().from(auditLog).where(eq(auditLog.targetId, bot.id)));
      const emitted = JSON.stringify(await getDb().select().from(events).where(eq(events.partnerId, ctx.partnerId)));
      const [row] = await getDb().select({ sealed: voiceBots.authHeaderCiphertext }).from(voiceBots).where(eq(voiceBots.id, bot.id));
      for (const text of [shown, audit, emitted, row!.sealed!, lines.join('')]) {
        expect(text).not.toContain(secret.slice(7));
        expect(text).not.toContain('another-secret-value');
      }
      expect(audit).toContain('replaced');
      expect((await updateVoiceBot(ctx, bot.id, { authHeader: null })).authHeaderHint).toBeNull();
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  });
});
