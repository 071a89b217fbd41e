import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

// No product name here: partner hosts set their own title, and the platform host sets the operator's.
export const metadata: Metadata = { robots: { index: false, follow: false } };

// Every page depends on the request's host (brand, partner, session); nothing is prerendered at build time.
export const dynamic = 'force-dynamic';

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh">{children}</body>
    </html>
  );
}
