import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ErrorCatalogue } from '@/components/api-docs/error-catalogue';
import { BrandMark } from '@/components/brand/brand-mark';
import { resolveHost } from '@/lib/tenancy/resolve-host';

export const metadata: Metadata = { title: 'API error codes' };

// GET /docs/api/errors on a partner host – the error catalogue in the partner's brand
export default async function PartnerApiErrorsPage({ params }: { params: Promise<{ host: string }> }) {
  const resolved = await resolveHost(decodeURIComponent((await params).host));
  if (resolved.kind !== 'partner') notFound();
  return <ErrorCatalogue brand={<BrandMark brand={resolved.tenant.brand} />} productName={resolved.tenant.brand.productName} />;
}
