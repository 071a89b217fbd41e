import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedWebhook = { headers: IncomingHttpHeaders; body: string };
export type Reply = { status: number; headers?: Record<string, string>; body?: string; delayMs?: number };

/**
 * A real HTTP receiver on 127.0.0.1 and a random port, for delivery tests. `reply` decides each answer from
 * the request and how many came before it; every request is kept in `received`.
 */
export async function startReceiver(reply: (request: ReceivedWebhook, index: number) => Reply = () => ({ status: 200 })) {
  const received: ReceivedWebhook[] = [];
  let answer = reply;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(request);
      const { status, headers = {}, body = 'ok', delayMs = 0 } = answer(request, received.length - 1);
      setTimeout(() => res.writeHead(status, { 'content-type': 'text/plain', ...headers }).end(body), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    /** How many requests carried each webhook-id. */
    countsById: () => received.reduce<Record<string, number>>((counts, r) => ({ ...counts, [String(r.headers['webhook-id'])]: (counts[String(r.headers['webhook-id'])] ?? 0) + 1 }), {}),
    replyWith: (next: typeof reply) => {
      answer = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
