import { normaliseHostname } from '@/lib/http/hostname';

/**
 * Whether the `[host]` segment of a partner page's path names the host the request really came to. The proxy
 * puts the normalised Host there (`/t/<host>/…`) and refuses the prefix when it is asked for directly; this is
 * the second lock, for any way round the proxy, so that no path can show one partner's pages on another host.
 * The segment may arrive percent-encoded, and the header with a port, upper case, a trailing dot or `www.`.
 */
export function hostParamMatches(param: string, hostHeader: string | null | undefined): boolean {
  const requested = normaliseHostname(hostHeader);
  return requested !== null && normaliseHostname(decodeSegment(param)) === requested;
}

/** The segment decoded, or as it is when it is not valid percent-encoding (Next may have decoded it already). */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
