import ipaddr from 'ipaddr.js';
import { Agent, request, type Dispatcher } from 'undici';
import { assertPublicAddresses, bareHost, guardedLookup, systemResolver, TargetRefusedError, type Resolver } from './ssrf-guard';
import type { WebhookHeaders } from './sign';

export const responseExcerptBytes = 2048;

export type SendResult = {
  /** The HTTP status, or null when no response came (refused, unreachable, timed out). */
  status: number | null;
  bodyExcerpt: string | null;
  error: string | null;
  retryAfter: string | null;
  durationMs: number;
};

export type SendOptions = { allowPrivate: boolean; timeoutMs: number; resolve?: Resolver };

const agents = new Map<Resolver | 'open', Dispatcher>();

/** One pooled agent per policy: a guarded one checks every address it connects to. */
function agentFor(options: SendOptions): Dispatcher {
  const key = options.allowPrivate ? 'open' : (options.resolve ?? systemResolver);
  let agent = agents.get(key);
  if (!agent) {
    agent = key === 'open' ? new Agent({ connect: { timeout: 10_000 } }) : new Agent({ connect: { timeout: 10_000, lookup: guardedLookup(key) } });
    agents.set(key, agent);
  }
  return agent;
}

function checkTarget(url: URL, allowPrivate: boolean): void {
  if (allowPrivate) return;
  if (url.protocol !== 'https:') throw new TargetRefusedError('Only https:// URLs are allowed.');
  const host = bareHost(url.hostname);
  if (ipaddr.isValid(host)) assertPublicAddresses(host, [{ address: host }]);
}

function describeError(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; code?: string; cause?: { code?: string; message?: string } } | undefined;
  if (error instanceof TargetRefusedError) return `Refused: ${error.message}`;
  if (e?.cause instanceof TargetRefusedError) return `Refused: ${e.cause.message}`;
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError' || e?.code === 'UND_ERR_HEADERS_TIMEOUT' || e?.code === 'UND_ERR_BODY_TIMEOUT') return `No response within ${timeoutMs / 1000} s.`;
  const code = e?.code ?? e?.cause?.code;
  const known: Record<string, string> = {
    ECONNREFUSED: 'Connection refused.',
    ECONNRESET: 'Connection reset by the receiver.',
    ENOTFOUND: 'The host name could not be resolved.',
    EAI_AGAIN: 'The host name could not be resolved (temporary DNS failure).',
    EHOSTUNREACH: 'The host is unreachable.',
    UND_ERR_CONNECT_TIMEOUT: 'Connecting timed out.',
    UND_ERR_SOCKET: 'The connection closed unexpectedly.',
  };
  if (code && known[code]) return known[code];
  if (code?.startsWith('ERR_TLS') || code?.includes('CERT')) return `TLS failed: ${code}.`;
  return (e?.message ?? String(error)).slice(0, 500);
}

async function readExcerpt(body: Dispatcher.ResponseData['body']): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    // Stop reading (and drop the connection) rather than download whatever a receiver sends back.
    if (size >= responseExcerptBytes) break;
  }
  return Buffer.concat(chunks).subarray(0, responseExcerptBytes).toString('utf8');
}

/**
 * POSTs one signed delivery. Never throws: every outcome, a refusal by the SSRF guard included, comes back as a
 * result to record. Redirects are not followed (a 3xx is a failure), so a receiver cannot bounce a delivery
 * to an address the guard would refuse.
 */
export async function sendWebhook(url: string, body: string, headers: WebhookHeaders, options: SendOptions): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    checkTarget(new URL(url), options.allowPrivate);
    const response = await request(url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'user-agent': 'Webhooks/1.0' },
      body,
      dispatcher: agentFor(options),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const retryAfter = response.headers['retry-after'];
    const bodyExcerpt = await readExcerpt(response.body).catch(() => '');
    return { status: response.statusCode, bodyExcerpt, error: null, retryAfter: Array.isArray(retryAfter) ? (retryAfter[0] ?? null) : (retryAfter ?? null), durationMs: elapsed() };
  } catch (error) {
    return { status: null, bodyExcerpt: null, error: describeError(error, options.timeoutMs), retryAfter: null, durationMs: elapsed() };
  }
}
