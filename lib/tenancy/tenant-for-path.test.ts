import { describe, expect, it } from 'vitest';
import { makePartner, subdomainOf } from '@/test/factories';
import { tenantForPath } from './tenant-for-path';

describe('tenantForPath', () => {
  it('finds the partner when the path names the host the request came to', async () => {
    const partner = await makePartner('path');
    const host = subdomainOf(partner.slug);
    expect(await tenantForPath(encodeURIComponent(host), `${host}:3000`)).toMatchObject({ partnerId: partner.id });
  });

  it('finds nothing for another partner’s path, an unknown host, or a malformed segment, without throwing', async () => {
    const [acme, globex] = [await makePartner('path'), await makePartner('path')];
    expect(await tenantForPath(subdomainOf(globex.slug), subdomainOf(acme.slug))).toBeNull();
    expect(await tenantForPath('nobody.example.com', 'nobody.example.com')).toBeNull();
    expect(await tenantForPath('%E0%A4%A', subdomainOf(acme.slug))).toBeNull();
  });
});
