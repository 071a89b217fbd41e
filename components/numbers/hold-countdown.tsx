'use client';

import { useEffect, useState } from 'react';

/** Minutes and seconds left on a hold, ticking; "lapsed" once it has run out. */
export function HoldCountdown({ expiresAt }: { expiresAt: string }) {
  const end = new Date(expiresAt).getTime();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  const left = Math.max(0, Math.round((end - now) / 1000));
  if (left === 0) return <span className="text-red-700">lapsed</span>;
  return (
    <span className="tabular-nums" data-testid="hold-countdown" aria-label={`${Math.floor(left / 60)} minutes ${left % 60} seconds left`}>
      {Math.floor(left / 60)}:{String(left % 60).padStart(2, '0')} left
    </span>
  );
}
