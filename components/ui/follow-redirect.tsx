'use client';

import { useEffect } from 'react';

/**
 * Sends the browser to `to` once it is set. A full navigation on purpose: it goes through the host rewrite and
 * picks up a new or ended session everywhere on the page.
 */
export function FollowRedirect({ to }: { to?: string }) {
  useEffect(() => {
    if (to) window.location.assign(to);
  }, [to]);
  return null;
}
