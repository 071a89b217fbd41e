'use client';

import { Button } from '@/components/ui/button';

/** Inside the partner layout, so the brand colours still apply; says nothing about internals. */
export default function TenantError({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="grid min-h-dvh place-items-center p-6 text-center">
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold">Something went wrong</h1>
        <p className="text-slate-600">Please try again. If it keeps happening, contact support.</p>
        <Button onClick={reset}>Try again</Button>
      </div>
    </main>
  );
}
