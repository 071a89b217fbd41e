import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

export const metadata: Metadata = { title: 'Page not found' };

// Unmatched paths on a partner host end here so the branded not-found page (not the neutral one) answers.
export default function UnknownTenantPage() {
  notFound();
}
