import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { randomBytes } from 'node:crypto';

/**
 * The address of the TCP peer, which Next does not hand to route handlers or server actions: they only see
 * headers, and `next start` fills X-Forwarded-For from the socket only when the caller sent none, so with no
 * proxy in front a caller can name any address it likes there.
 *
 * Node announces every request on the `http.server.request.start` diagnostics channel, with its socket, before
 * any listener (Next's included) sees it. There the real peer address is written into a header of our own,
 * replacing whatever the caller put in it, and signed with a per-process key so that a request that came in
 * before the subscription (the first ones during start-up) cannot pass a forged one off as ours.
 */
export const peerAddressHeader = 'x-switchboard-peer';

const keyOf = Symbol.for('switchboard.peer-address-key');
type WithKey = typeof globalThis & { [keyOf]?: string };

/** Once per server process (instrumentation.ts). Bundles that import this module share the key through globalThis. */
export function stampPeerAddresses(): void {
  const g = globalThis as WithKey;
  if (g[keyOf]) return;
  const key = randomBytes(16).toString('hex');
  g[keyOf] = key;
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[peerAddressHeader] = `${key} ${socket.remoteAddress ?? ''}`;
  });
}

/** The peer address stamped on these headers by this process, or null (not stamped, or stamped by someone else). */
export function peerAddress(headers: Headers): string | null {
  const key = (globalThis as WithKey)[keyOf];
  const value = headers.get(peerAddressHeader);
  if (!key || !value?.startsWith(`${key} `)) return null;
  return value.slice(key.length + 1) || null;
}
