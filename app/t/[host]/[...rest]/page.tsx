import { notFound } from 'next/navigation';

// Unmatched paths on a partner host end here so the branded not-found page (not the neutral one) answers.
export default function UnknownTenantPage() {
  notFound();
}
