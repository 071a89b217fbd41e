import { describe, expect, it } from 'vitest';
import { getConfig } from '@/lib/config';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { peerAddressHeader, stampPeerAddresses } from './peer-address';
import { clientIp, requestOrigin } from './request-info';

const withHost = (host?: string) => new Request('http://0.0.0.0:3000/api/v1/partner', { headers: host === undefined ? {} : { host } });

describe('requestOrigin', () => {
  const scheme = new URL(getConfig().PLATFORM_URL).protocol;

  it('is the host the caller used, port included, with the platform’s scheme', () => {
    expect(requestOrigin(withHost('acme.localhost:3100'))).toBe(`${scheme}//acme.localhost:3100`);
    expect(requestOrigin(withHost('Console.Acme-Telecom.example'))).toBe(`${scheme}//console.acme-telecom.example`);
  });

  it('falls back to the platform’s origin for a missing or malformed Host', () => {
    const platform = new URL(getConfig().PLATFORM_URL).origin;
    for (const host of ['', 'evil.example/path', 'a b.example', 'x.example:80:90', '[::1]:3000']) expect(requestOrigin(withHost(host))).toBe(platform);
  });
});

describe('clientIp', () => {
  const forwardedFor = (value?: string) => new Headers(value === undefined ? {} : { 'x-forwarded-for': value });

  describe('with no trusted proxy', () => {
    // The stamp a real request gets from the diagnostics channel, taken from a real socket.
    stampPeerAddresses();
    const stamped = async (extra: Record<string, string>) => {
      const server = createServer((request, response) => response.end(JSON.stringify(request.headers)));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = server.address() as AddressInfo;
        const seen = (await (await fetch(`http://127.0.0.1:${port}/`, { headers: extra })).json()) as Record<string, string>;
        return new Headers(seen);
      } finally {
        server.closeAllConnections();
        server.close();
      }
    };

    it('is the socket’s address, whatever X-Forwarded-For claims', async () => {
      expect(clientIp(await stamped({}), 0)).toBe('127.0.0.1');
      expect(clientIp(await stamped({ 'x-forwarded-for': '203.0.113.9' }), 0)).toBe('127.0.0.1');
      expect(clientIp(await stamped({ 'x-forwarded-for': '10.0.0.1, 203.0.113.9' }), 0)).toBe('127.0.0.1');
    });

    it('cannot be forged with the peer header itself', async () => {
      expect(clientIp(await stamped({ [peerAddressHeader]: 'forged 203.0.113.9' }), 0)).toBe('127.0.0.1');
      // A request that was never stamped by this process (one that came in before start-up finished): unknown.
      expect(clientIp(new Headers({ [peerAddressHeader]: 'forged 203.0.113.9', 'x-forwarded-for': '203.0.113.9' }), 0)).toBeNull();
      expect(clientIp(forwardedFor('198.51.100.4'), 0)).toBeNull();
    });
  });

  it('never lets a forged left-most entry choose the address', () => {
    // What one appending proxy sends on when the caller has forged its own header.
    const forged = forwardedFor('10.0.0.1, 203.0.113.9, 198.51.100.4');
    expect(clientIp(forged, 1)).toBe('198.51.100.4');
    expect(clientIp(forged, 2)).toBe('203.0.113.9');
    expect(clientIp(forwardedFor('203.0.113.9,198.51.100.4'), 1)).toBe('198.51.100.4');
  });

  it('takes the address the outermost trusted proxy saw, however many the caller adds', () => {
    // client → CDN → load balancer → app: the CDN wrote the client, the load balancer wrote the CDN.
    expect(clientIp(forwardedFor('1.1.1.1, 2.2.2.2, 198.51.100.4, 192.0.2.10'), 2)).toBe('198.51.100.4');
    expect(clientIp(forwardedFor('198.51.100.4, 192.0.2.10'), 2)).toBe('198.51.100.4');
  });

  it('uses the left-most entry when a trusted proxy replaced the header', () => {
    expect(clientIp(forwardedFor('198.51.100.4'), 2)).toBe('198.51.100.4');
  });

  it('drops ports and refuses entries that are not addresses', () => {
    expect(clientIp(forwardedFor('198.51.100.4:51234'), 1)).toBe('198.51.100.4');
    expect(clientIp(forwardedFor('[2001:db8::1]:443'), 1)).toBe('2001:db8::1');
    expect(clientIp(forwardedFor('198.51.100.4, unknown'), 1)).toBeNull();
    expect(clientIp(forwardedFor('<script>'), 1)).toBeNull();
  });

  it('is unknown behind a proxy that sent no X-Forwarded-For, whatever X-Real-IP claims', () => {
    expect(clientIp(forwardedFor(''), 1)).toBeNull();
    expect(clientIp(new Headers({ 'x-real-ip': '10.9.9.9' }), 1)).toBeNull();
  });
});
