import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { sendWebhook } from './send-webhook';
import { webhookHeaders } from './sign';
import { assertPublicHost, forbiddenRange, guardedLookup, TargetRefusedError, type Resolver } from './ssrf-guard';

/** A DNS that answers from a table, as a rebinding attacker's would. */
const fakeResolver =
  (table: Record<string, string[]>): Resolver =>
  async (hostname) => {
    const addresses = table[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

function lookupWith(resolve: Resolver, hostname: string, options: { all?: boolean; family?: number } = {}) {
  return new Promise<{ error: Error | null; result: unknown }>((done) => {
    guardedLookup(resolve)(hostname, options, (error, address, family) => done({ error, result: options.all ? address : { address, family } }));
  });
}

describe('forbiddenRange', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['64:ff9b::a00:1', 'rfc6052'],
    ['2002:a00:1::', '6to4'],
    ['2002:7f00:1::1', '6to4'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'teredo'],
    ['64:ff9b::7f00:1', 'rfc6052'],
    ['64:ff9b::a9fe:a9fe', 'rfc6052'],
    ['64:ff9b:1::a00:1', 'rfc6052'],
    ['::ffff:0:7f00:1', 'rfc6145'],
    ['::127.0.0.1', 'ipv4Compatible'],
    ['::a9fe:a9fe', 'ipv4Compatible'],
    ['::0.0.0.2', 'ipv4Compatible'],
    ['::8.8.8.8', 'ipv4Compatible'],
    ['::ffff:ffff', 'ipv4Compatible'],
    ['100::1', 'discard'],
    ['2001:db8::1', 'reserved'],
    ['fec0::1', 'deprecatedSiteLocal'],
    ['1::1', 'reserved'],
    ['4000::1', 'reserved'],
    ['not-an-address', 'invalid'],
  ])('refuses %s (%s)', (address, range) => {
    expect(forbiddenRange(address)).toBe(range);
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('allows the public address %s', (address) => {
    expect(forbiddenRange(address)).toBeNull();
  });
});

describe('assertPublicHost (when an endpoint is saved)', () => {
  const resolve = fakeResolver({ 'hooks.example.com': ['93.184.215.14'], 'internal.example.com': ['10.0.0.1'], 'mixed.example.com': ['93.184.215.14', '127.0.0.1'], 'v6.example.com': ['::1'] });

  it('refuses IP literals and names in private ranges, and localhost whatever DNS says', async () => {
    for (const host of ['127.0.0.1', '10.0.0.1', '169.254.169.254', '[::1]', 'internal.example.com', 'mixed.example.com', 'v6.example.com', 'localhost', 'api.localhost']) {
      await expect(assertPublicHost(host, resolve), host).rejects.toBeInstanceOf(TargetRefusedError);
    }
    await expect(assertPublicHost('internal.example.com', resolve)).rejects.toThrow('internal.example.com (10.0.0.1): private addresses cannot receive webhooks; use a public internet address.');
  });

  it('accepts a public name, and a name that does not resolve yet (connections are checked again)', async () => {
    await expect(assertPublicHost('hooks.example.com', resolve)).resolves.toBeUndefined();
    await expect(assertPublicHost('not-yet.example.com', resolve)).resolves.toBeUndefined();
  });
});

describe('guardedLookup (every connection)', () => {
  it('passes public addresses through, in the form net.connect asks for', async () => {
    const resolve = fakeResolver({ 'hooks.example.com': ['93.184.215.14', '2606:4700:4700::1111'] });
    expect(await lookupWith(resolve, 'hooks.example.com')).toEqual({ error: null, result: { address: '93.184.215.14', family: 4 } });
    expect(await lookupWith(resolve, 'hooks.example.com', { all: true })).toEqual({
      error: null,
      result: [
        { address: '93.184.215.14', family: 4 },
        { address: '2606:4700:4700::1111', family: 6 },
      ],
    });
    expect(await lookupWith(resolve, 'hooks.example.com', { family: 6 })).toEqual({ error: null, result: { address: '2606:4700:4700::1111', family: 6 } });
  });

  it('refuses the connection when any address is private', async () => {
    const resolve = fakeResolver({ 'mixed.example.com': ['93.184.215.14', '10.1.2.3'] });
    const { error } = await lookupWith(resolve, 'mixed.example.com', { all: true });
    expect(error).toBeInstanceOf(TargetRefusedError);
  });

  it('stops DNS rebinding: a name public when saved but private when delivering is refused at connect time', async () => {
    let answers = 0;
    const rebinding: Resolver = async () => [{ address: answers++ === 0 ? '93.184.215.14' : '127.0.0.1', family: 4 } satisfies LookupAddress];
    await expect(assertPublicHost('rebind.example.com', rebinding)).resolves.toBeUndefined();

    const body = '{}';
    const result = await sendWebhook('https://rebind.example.com/hook', body, webhookHeaders(['whsec_c2VjcmV0'], 'evt_1', new Date(), body), { allowPrivate: false, timeoutMs: 2000, resolve: rebinding });
    expect(result.status).toBeNull();
    expect(result.error).toBe('Refused: rebind.example.com (127.0.0.1): loopback addresses cannot receive webhooks; use a public internet address.');
  });

  it('refuses IP literals and plain http before connecting', async () => {
    const headers = webhookHeaders(['whsec_c2VjcmV0'], 'evt_1', new Date(), '{}');
    for (const url of ['https://127.0.0.1/', 'https://169.254.169.254/latest/meta-data', 'https://[::1]:8443/', 'https://[::ffff:10.0.0.1]/', 'https://[::127.0.0.1]/', 'https://[::a9fe:a9fe]/latest/meta-data', 'https://[64:ff9b::7f00:1]/']) {
      const result = await sendWebhook(url, '{}', headers, { allowPrivate: false, timeoutMs: 2000 });
      expect(result.error, url).toMatch(/^Refused: .*: [\w -]+ addresses cannot receive webhooks/);
    }
    expect((await sendWebhook('http://hooks.example.com/', '{}', headers, { allowPrivate: false, timeoutMs: 2000 })).error).toBe('Refused: Only https:// URLs are allowed.');
  });
});
