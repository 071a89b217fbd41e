import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Page not found' };

/** Neutral on purpose: shown for unknown and unverified hosts, so it must carry nobody's brand. */
export default function NotFound() {
  return (
    <main className="grid min-h-dvh place-items-center p-6 text-center">
      <div>
        <p className="text-sm font-semibold text-slate-500">404</p>
        <h1 className="mt-2 text-2xl font-semibold">Page not found</h1>
        <p className="mt-2 text-slate-600">There is nothing at this address.</p>
      </div>
    </main>
  );
}
