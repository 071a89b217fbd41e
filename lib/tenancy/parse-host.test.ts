import { describe, expect, it } from 'vitest';
import { normaliseHostname } from '@/lib/http/hostname';
import { parseHost } from './parse-host';

const platform = 'switchboard.example';

describe('parseHost', () => {
  it('recognises the platform host, with or without www, port or upper case', () => {
    expect(parseHost('switchboard.example', platform)).toEqual({ kind: 'platform', hostname: platform });
    expect(parseHost('WWW.Switchboard.Example:443', platform)).toEqual({ kind: 'platform', hostname: platform });
  });

  it('maps a one-label subdomain to a partner slug', () => {
    expect(parseHost('acme.switchboard.example', platform)).toEqual({ kind: 'subdomain', hostname: 'acme.switchboard.example', slug: 'acme' });
    expect(parseHost('ACME.switchboard.example:3000', platform)).toMatchObject({ kind: 'subdomain', slug: 'acme' });
    expect(parseHost('www.acme.switchboard.example', platform)).toMatchObject({ kind: 'subdomain', slug: 'acme' });
  });

  it('refuses nested subdomains of the platform rather than guessing', () => {
    expect(parseHost('a.acme.switchboard.example', platform)).toEqual({ kind: 'invalid' });
  });

  it('treats any other host as a custom domain, normalised', () => {
    expect(parseHost('Console.Acme-Telecom.com.', platform)).toEqual({ kind: 'custom', hostname: 'console.acme-telecom.com' });
    expect(parseHost('www.acme-telecom.com:8443', platform)).toEqual({ kind: 'custom', hostname: 'acme-telecom.com' });
  });

  it('works with localhost as the platform domain in development', () => {
    expect(parseHost('localhost:3000', 'localhost')).toMatchObject({ kind: 'platform' });
    expect(parseHost('globex.localhost:3000', 'localhost')).toMatchObject({ kind: 'subdomain', slug: 'globex' });
  });

  it('rejects missing and malformed hosts', () => {
    for (const bad of [null, undefined, '', '   ', '[::1]:3000', 'exa mple.com', 'a..b', '-acme.example', 'acme_.example', 'x'.repeat(64) + '.com']) {
      expect(parseHost(bad, platform)).toEqual({ kind: 'invalid' });
    }
  });
});

describe('normaliseHostname', () => {
  it('lower-cases and strips port, trailing dot and www', () => {
    expect(normaliseHostname('WWW.Example.COM.:80')).toBe('example.com');
  });
});
