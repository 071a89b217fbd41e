import type { LookupAddress, LookupOptions } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Webhook URLs are chosen by partners, so without a guard a delivery could be aimed at the platform's own
 * network (a metadata service, a database, an admin port). Only globally routable unicast addresses are
 * allowed. Checking the URL when it is saved is not enough on its own: a name can resolve to a public address
 * then and to a private one later (DNS rebinding), so every connection checks the addresses it is about to use.
 */

export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export class TargetRefusedError extends Error {
  readonly code = 'ERR_WEBHOOK_TARGET_REFUSED';

  constructor(message: string) {
    super(message);
    this.name = 'TargetRefusedError';
  }
}

// Where IPv6 has unicast addresses on the internet at all (RFC 4291 global unicast). Everything outside it is
// either special or, like ::/96 (IPv4-compatible, `[::127.0.0.1]`) and 64:ff9b::/96 (NAT64), a way of writing an
// IPv4 address that some stacks and gateways still route to it: refusing by allow-list catches the forms no
// range table names.
const globalUnicast = ipaddr.parseCIDR('2000::/3');
const ipv4Compatible = ipaddr.parseCIDR('::/96');

/**
 * IPv6 in the hex form the URL parser writes (`::127.0.0.1` → `::7f00:1`). ipaddr.js reads a dotted tail after
 * `::` as IPv4-mapped whatever the bits before it say, which would judge `::8.8.8.8` (IPv4-compatible, not the
 * same address) as 8.8.8.8.
 */
function canonicalIpv6(address: string): string {
  if (!address.includes(':')) return address;
  try {
    return bareHost(new URL(`http://[${address}]/`).hostname);
  } catch {
    return address; // a zone index (fe80::1%eth0), which ipaddr.js reads as it is
  }
}

/**
 * The ipaddr.js range that makes an address unusable as a webhook target, or null when it is public. An
 * IPv4-mapped IPv6 address is judged as the IPv4 address it carries; IPv6 must be global unicast, and ranges
 * inside it that embed or tunnel to IPv4 (6to4, Teredo) or are otherwise special are refused outright rather
 * than decoded.
 */
export function forbiddenRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'invalid';
  const parsed = ipaddr.process(canonicalIpv6(address));
  const range = parsed.range();
  if (range !== 'unicast') return range;
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.match(ipv4Compatible)) return 'ipv4Compatible';
    if (!v6.match(globalUnicast)) return 'reserved';
  }
  return null;
}

/** `[::1]` as URL.hostname gives it → `::1`. */
export function bareHost(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/** RFC 6761 reserves `localhost` and everything under it for this machine, whatever DNS says. */
function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

const rangeLabels: Record<string, string> = {
  loopback: 'loopback',
  private: 'private',
  linkLocal: 'link-local',
  carrierGradeNat: 'carrier-grade NAT',
  uniqueLocal: 'unique local',
  unspecified: 'unspecified',
  multicast: 'multicast',
  broadcast: 'broadcast',
  reserved: 'reserved',
  rfc6052: 'NAT64',
  '6to4': '6to4',
  teredo: 'Teredo',
  rfc6145: 'IPv4-translated',
  ipv4Compatible: 'IPv4-compatible',
};

function refusal(hostname: string, address: string, range: string): TargetRefusedError {
  const via = address === hostname ? address : `${hostname} (${address})`;
  return new TargetRefusedError(`${via}: ${rangeLabels[range] ?? 'special-purpose'} addresses cannot receive webhooks; use a public internet address.`);
}

/** Throws TargetRefusedError unless every address is public. */
export function assertPublicAddresses(hostname: string, addresses: readonly { address: string }[]): void {
  for (const { address } of addresses) {
    const range = forbiddenRange(address);
    if (range) throw refusal(hostname, address, range);
  }
}

/**
 * The check made when an endpoint is saved. A name that does not resolve right now is accepted: that is no
 * danger (connections are checked again) and DNS may simply not be set up yet.
 */
export async function assertPublicHost(hostname: string, resolve: Resolver = systemResolver): Promise<void> {
  const host = bareHost(hostname);
  if (isLocalhostName(host)) throw refusal(host, host, 'loopback');
  if (ipaddr.isValid(host)) return assertPublicAddresses(host, [{ address: host }]);
  let addresses: LookupAddress[];
  try {
    addresses = await resolve(host);
  } catch {
    return;
  }
  assertPublicAddresses(host, addresses);
}

/**
 * A `lookup` for net/tls connections (and so for an undici Agent) that resolves with `resolve` and refuses
 * the connection when any address is not public. Connections to an IP literal skip lookup entirely, so the
 * sender checks those itself before connecting.
 */
export function guardedLookup(resolve: Resolver = systemResolver): LookupFunction {
  return (hostname: string, options: LookupOptions, callback) => {
    resolve(hostname).then(
      (found) => {
        const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
        const addresses = family ? found.filter((a) => a.family === family) : found;
        try {
          if (isLocalhostName(hostname)) throw refusal(hostname, hostname, 'loopback');
          assertPublicAddresses(hostname, addresses);
        } catch (error) {
          callback(error as NodeJS.ErrnoException, '', 0);
          return;
        }
        if (addresses.length === 0) {
          callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
        } else if (options.all) {
          callback(null, addresses);
        } else {
          callback(null, addresses[0]!.address, addresses[0]!.family);
        }
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}
