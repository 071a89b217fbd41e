'use client';

import { useEffect } from 'react';

/** A check the provider has not answered yet: look again every 15 seconds, or at once on request. */
export function WaitForCheck() {
  useEffect(() => {
    const timer = setTimeout(() => window.location.reload(), 15_000);
    return () => clearTimeout(timer);
  }, []);
  return (
    <button type="button" onClick={() => window.location.reload()} className="text-sm font-medium text-brand-link underline">
      Check again now
    </button>
  );
}
