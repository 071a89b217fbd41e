import { describe, expect, it } from 'vitest';
import { hostParamMatches } from './host-param';

describe('hostParamMatches', () => {
  it('accepts the path the proxy makes for the host the request came to', () => {
    expect(hostParamMatches('acme.localhost', 'acme.localhost:3000')).toBe(true);
    expect(hostParamMatches('console.acme-telecom.example', 'Console.Acme-Telecom.Example.')).toBe(true);
    expect(hostParamMatches('acme.switchboard.example', 'www.acme.switchboard.example:443')).toBe(true);
    expect(hostParamMatches('acme.localhost%3A3000', 'acme.localhost:3000')).toBe(true);
  });

  it('refuses a path that names another host than the one asked', () => {
    expect(hostParamMatches('globex.localhost', 'acme.localhost:3000')).toBe(false);
    expect(hostParamMatches('globex.localhost', 'evil.example')).toBe(false);
    expect(hostParamMatches('acme.localhost.evil.example', 'acme.localhost')).toBe(false);
  });

  it('refuses a missing or malformed Host, and the proxy’s placeholder for one', () => {
    expect(hostParamMatches('invalid.host', 'not a host')).toBe(false);
    expect(hostParamMatches('invalid.host', null)).toBe(false);
    expect(hostParamMatches('acme.localhost', '')).toBe(false);
    expect(hostParamMatches('%E0%A4%A', 'acme.localhost')).toBe(false);
  });
});
