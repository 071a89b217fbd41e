'use client';

import { Toaster as SonnerToaster, toast } from 'sonner';

export { toast };

/** Mount once in each console's layout: the pages that toast. Public pages (sign-in, the hosted wizard) do not. */
export function Toaster() {
  return <SonnerToaster position="bottom-right" richColors closeButton />;
}
