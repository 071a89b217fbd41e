import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';

/** A missing page on a known partner host: in the partner's brand (the layout around it sets the colours). */
export default function TenantNotFound() {
  return (
    <main className="grid min-h-dvh place-items-center p-6 text-center">
      <div className="space-y-3">
        <p className="text-sm font-semibold text-brand-link">404</p>
        <h1 className="text-2xl font-semibold">Page not found</h1>
        <p className="text-slate-600">The page you asked for does not exist or has moved.</p>
        <Link href="/" className={buttonClasses()}>
          Go to the start page
        </Link>
      </div>
    </main>
  );
}
