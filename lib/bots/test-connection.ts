import type { SecureContextOptions } from 'node:tls';
import { and, eq } from 'drizzle-orm';
import WebSocket from 'ws';
import { getDb } from '@/db';
import { voiceBots } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { unseal } from '@/lib/crypto/secret-box';
import { AppError, notFound } from '@/lib/errors/app-error';
import { guardedLookup, TargetRefusedError, type Resolver } from '@/lib/webhooks/ssrf-guard';
import { allowsPrivateTargets, partnerKind } from '@/lib/webhooks/target-policy';
import { splitHeader } from './schemas';
import { testCallMessages } from './stream-protocol';
import { assertAllowedBotUrl } from './target-policy';

export type ConnectionReport = {
  ok: boolean;
  /** From the first byte sent to the 101 Switching Protocols answer; null when it never came. */
  handshakeMs: number | null;
  /** The bot's first message after our `connected`/`start` pair (its first 500 characters), or null. */
  firstMessage: string | null;
  firstMessageMs: number | null;
  closeCode: number | null;
  closeReason: string | null;
  /** What went wrong, in plain words; null when the bot answered. */
  error: string | null;
};

export type TestDeps = { resolve?: Resolver; ca?: SecureContextOptions['ca']; handshakeTimeoutMs?: number; firstMessageTimeoutMs?: number };

/** Errors as a person would want them: what failed and what to check, never a header. */
function plainWords(error: unknown): string {
  if (error instanceof TargetRefusedError) return error.message;
  const code = (error as { code?: string })?.code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'The host name could not be found: check the URL.';
  if (code === 'ECONNREFUSED') return 'Nothing is listening at that address and port: is the bot running?';
  if (code === 'ECONNRESET') return 'The server dropped the connection during the handshake.';
  if (code === 'ETIMEDOUT' || /timed? ?out/i.test(message)) return 'The server did not complete the WebSocket handshake in time.';
  if (/certificate|self[- ]signed|CERT_|UNABLE_TO_VERIFY/i.test(code + message)) return `The server’s TLS certificate is not trusted (${code || 'certificate error'}).`;
  if (/wrong version number|EPROTO/i.test(code + message)) return 'The server did not speak TLS: is it wss on this port?';
  return `The connection failed (${code || 'error'}).`;
}

/**
 * Really opens the bot's WebSocket with its header, sends the documented `connected` and `start` messages,
 * waits for the first message back, sends `stop` and closes (1000). Reports the handshake time, the first
 * message, the close code, or what failed. The header is unsealed only here, for the socket, and goes nowhere
 * else.
 */
export async function testVoiceBotConnection(ctx: PartnerCtx, botId: string, deps: TestDeps = {}): Promise<ConnectionReport> {
  requirePartnerRole(ctx, 'admin');
  const [bot] = await getDb()
    .select({ wssUrl: voiceBots.wssUrl, header: voiceBots.authHeaderCiphertext })
    .from(voiceBots)
    .where(and(eq(voiceBots.id, botId), eq(voiceBots.partnerId, ctx.partnerId)))
    .limit(1);
  if (!bot) throw notFound('Voice bot');
  const kind = await partnerKind(ctx.partnerId);
  const failed = (error: string): ConnectionReport => ({ ok: false, handshakeMs: null, firstMessage: null, firstMessageMs: null, closeCode: null, closeReason: null, error });
  try {
    await assertAllowedBotUrl('wssUrl', bot.wssUrl, kind, deps.resolve);
  } catch (error) {
    if (error instanceof AppError) return failed(`This URL may not be used: ${error.message}`);
    throw error;
  }
  const headers: Record<string, string> = {};
  if (bot.header) {
    const { name, value } = splitHeader(unseal(bot.header));
    headers[name] = value;
  }
  return openAndProbe(bot.wssUrl, headers, allowsPrivateTargets(kind), deps);
}

function openAndProbe(url: string, headers: Record<string, string>, privateAllowed: boolean, deps: TestDeps): Promise<ConnectionReport> {
  const handshakeTimeout = deps.handshakeTimeoutMs ?? 5000;
  const firstMessageTimeout = deps.firstMessageTimeoutMs ?? 5000;
  return new Promise((resolve) => {
    const started = performance.now();
    const report: ConnectionReport = { ok: false, handshakeMs: null, firstMessage: null, firstMessageMs: null, closeCode: null, closeReason: null, error: null };
    const messages = testCallMessages();
    let settled = false;
    let waitForMessage: ReturnType<typeof setTimeout> | undefined;
    let waitForClose: ReturnType<typeof setTimeout> | undefined;
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(waitForMessage);
      clearTimeout(waitForClose);
      report.ok = report.error === null && report.handshakeMs !== null && report.firstMessage !== null;
      resolve(report);
    };
    const socket = new WebSocket(url, {
      headers,
      handshakeTimeout,
      followRedirects: false,
      perMessageDeflate: false,
      ca: deps.ca,
      // Checks every address the name resolves to at connection time (DNS rebinding), as webhooks do.
      ...(privateAllowed ? {} : { lookup: guardedLookup(deps.resolve) }),
    });
    const closeSoon = () => {
      try {
        socket.send(JSON.stringify(messages.stop));
      } catch {
        // the socket may be closing already
      }
      socket.close(1000, 'test complete');
      waitForClose = setTimeout(() => {
        socket.terminate();
        finish();
      }, 2000);
    };
    socket.on('unexpected-response', (_request, response) => {
      report.error =
        response.statusCode === 401 || response.statusCode === 403
          ? `The server refused the connection (HTTP ${response.statusCode}): check the auth header.`
          : `The server answered HTTP ${response.statusCode} instead of switching to WebSocket: check the URL.`;
      response.resume();
      socket.terminate();
      finish();
    });
    socket.on('open', () => {
      report.handshakeMs = Math.round(performance.now() - started);
      socket.send(JSON.stringify(messages.connected));
      socket.send(JSON.stringify(messages.start));
      waitForMessage = setTimeout(() => {
        report.error = `Connected, but the bot sent nothing within ${firstMessageTimeout / 1000} s of the start message.`;
        closeSoon();
      }, firstMessageTimeout);
    });
    socket.on('message', (data, isBinary) => {
      if (report.firstMessage !== null) return;
      clearTimeout(waitForMessage);
      report.firstMessageMs = Math.round(performance.now() - started);
      report.firstMessage = isBinary ? `(binary, ${(data as Buffer).length} bytes)` : data.toString().slice(0, 500);
      closeSoon();
    });
    socket.on('close', (code, reason) => {
      report.closeCode = code;
      report.closeReason = reason.toString().slice(0, 200) || null;
      if (report.handshakeMs !== null && report.firstMessage === null && report.error === null) report.error = `The bot closed the connection (code ${code}) before sending anything.`;
      finish();
    });
    socket.on('error', (error) => {
      if (report.error === null) report.error = plainWords(error);
      finish();
    });
  });
}
