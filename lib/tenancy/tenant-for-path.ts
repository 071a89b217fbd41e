import { decodeSegment, hostParamMatches } from './host-param';
import { resolveHost, type Tenant } from './resolve-host';

/**
 * The partner a request rewritten to `/t/<host>/…` is for: null unless the segment names the host the request
 * really came to (see hostParamMatches) and that host is a partner's.
 */
export async function tenantForPath(hostParam: string, hostHeader: string | null | undefined): Promise<Tenant | null> {
  if (!hostParamMatches(hostParam, hostHeader)) return null;
  const resolved = await resolveHost(decodeSegment(hostParam));
  return resolved.kind === 'partner' ? resolved.tenant : null;
}
