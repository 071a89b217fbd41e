import { describe, expect, it } from 'vitest';
import { getConfig } from '@/lib/config';
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

  it('is the address Next took from the socket when no proxy is trusted', () => {
    expect(clientIp(forwardedFor('198.51.100.4'), 0)).toBe('198.51.100.4');
    expect(clientIp(forwardedFor('::ffff:127.0.0.1'), 0)).toBe('::ffff:127.0.0.1');
  });

  it('never lets a forged left-most entry choose the address', () => {
    // What one appending proxy sends on when the caller has forged its own header.
    const forged = forwardedFor('10.0.0.1, 203.0.113.9, 198.51.100.4');
    expect(clientIp(forged, 0)).toBe('198.51.100.4');
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
    expect(clientIp(forwardedFor('<script>'), 0)).toBeNull();
  });

  it('is unknown without X-Forwarded-For, whatever X-Real-IP claims', () => {
    expect(clientIp(forwardedFor(), 0)).toBeNull();
    expect(clientIp(forwardedFor(''), 1)).toBeNull();
    expect(clientIp(new Headers({ 'x-real-ip': '10.9.9.9' }), 0)).toBeNull();
  });
});
