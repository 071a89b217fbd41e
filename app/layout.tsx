import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { getConfig } from '@/lib/config';
import { parseHost } from '@/lib/tenancy/parse-host';
import './globals.css';

// No product name here: partner hosts set their own title, and the platform host sets the operator's.
export async function generateMetadata(): Promise<Metadata> {
  const onPlatform = parseHost((await headers()).get('host'), getConfig().PLATFORM_DOMAIN).kind === 'platform';
  return {
    robots: { index: false, follow: false },
    // The platform's icon on the platform host only. Partner hosts set their own in app/t/[host]/layout.tsx; any other
    // page served on them (a 404 outside the rewrite) gets an empty one rather than the platform's.
    icons: onPlatform ? { icon: { url: '/favicon.svg', type: 'image/svg+xml' } } : { icon: 'data:,' },
  };
}

// Every page depends on the request's host (brand, partner, session); nothing is prerendered at build time.
export const dynamic = 'force-dynamic';

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh">{children}</body>
    </html>
  );
}
