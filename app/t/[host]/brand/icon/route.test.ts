import { describe, expect, it, vi } from 'vitest';
import { inspectImage } from '@/lib/branding/logo-image';
import { updateBranding } from '@/lib/branding/update-branding';
import { makePartner, subdomainOf, systemFor } from '@/test/factories';
import { GET } from './route';

const get = (host: string, requestedHost = host) => GET(new Request(`http://${requestedHost}/brand/icon`, { headers: { host: requestedHost } }), { params: Promise.resolve({ host: encodeURIComponent(host) }) });

describe('GET /brand/icon', () => {
  it('answers a partner host with a drawn PNG icon, cacheable for ever', async () => {
    const partner = await makePartner('icon-route');
    const response = await get(subdomainOf(partner.slug));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(inspectImage(Buffer.from(await response.arrayBuffer()))).toEqual({ contentType: 'image/png', width: 64, height: 64 });
  });

  it('draws a product name in another script without fetching any font from outside', async () => {
    const partner = await makePartner('icon-route');
    await updateBranding(systemFor(partner.id), { productName: 'भारत टेलीकॉम', primaryColor: '#0f766e', secondaryColor: '#111827', supportEmail: '' });
    const fetched = vi.spyOn(globalThis, 'fetch');
    const response = await get(subdomainOf(partner.slug));
    expect(response.status).toBe(200);
    expect(inspectImage(Buffer.from(await response.arrayBuffer()))).toMatchObject({ contentType: 'image/png', width: 64 });
    expect(fetched).not.toHaveBeenCalled();
    fetched.mockRestore();
  });

  it('answers 404 when the path names another host than the request came to', async () => {
    const partner = await makePartner('icon-route');
    expect((await get(subdomainOf(partner.slug), 'other.example.com')).status).toBe(404);
  });

  it('answers an unknown host with a plain 404', async () => {
    expect((await get('nobody-here.example.com')).status).toBe(404);
  });
});
