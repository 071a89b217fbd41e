import { ImageResponse } from 'next/og';
import { brandIcon, brandIconSize } from '@/lib/branding/brand-icon';
import { tenantForPath } from '@/lib/tenancy/tenant-for-path';

// The URL carries the icon's version (see brandIconVersion), so a changed brand is a new URL.
const headers = { 'Cache-Control': 'public, max-age=31536000, immutable', 'X-Content-Type-Options': 'nosniff' };

// GET /brand/icon – the partner's browser icon, on the partner's own host (public, like the logo).
export async function GET(request: Request, { params }: { params: Promise<{ host: string }> }) {
  // Only the host the request came to: a crafted path must not fetch another partner's brand.
  const tenant = await tenantForPath((await params).host, request.headers.get('host'));
  if (!tenant) return new Response('Not found', { status: 404 });
  const icon = await brandIcon(tenant);
  if (icon.kind === 'logo') {
    return new Response(new Uint8Array(icon.bytes), { headers: { ...headers, 'Content-Type': icon.contentType, 'Content-Security-Policy': "default-src 'none'" } });
  }
  return new ImageResponse(
    (
      <div
        style={{
          width: '100%',
          height: '100%',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          borderRadius: brandIconSize / 5,
          background: icon.background,
          color: icon.color,
          fontSize: brandIconSize * 0.7,
          lineHeight: 1,
        }}
      >
        {icon.letter}
      </div>
    ),
    { width: brandIconSize, height: brandIconSize, headers },
  );
}
