import { readLogo } from '@/lib/branding/update-branding';
import { tenantForPath } from '@/lib/tenancy/tenant-for-path';

// GET /brand/logo – the partner's logo, on the partner's own host (public: login pages show it).
export async function GET(request: Request, { params }: { params: Promise<{ host: string }> }) {
  // Only the host the request came to: a crafted path must not fetch another partner's brand.
  const tenant = await tenantForPath((await params).host, request.headers.get('host'));
  const logo = tenant ? await readLogo(tenant.partnerId) : null;
  if (!logo) return new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(logo.bytes), {
    headers: {
      'Content-Type': logo.contentType,
      // The URL carries the logo's hash, so a new logo is a new URL.
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'",
      ETag: `"${logo.sha256}"`,
    },
  });
}
