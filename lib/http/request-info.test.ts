import { describe, expect, it } from 'vitest';
import { getConfig } from '@/lib/config';
import { requestOrigin } from './request-info';

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
