import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { ErrorCatalogue } from '@/components/api-docs/error-catalogue';
import { BrandMark } from '@/components/brand/brand-mark';
import { tenantForPath } from '@/lib/tenancy/tenant-for-path';

export const metadata: Metadata = { title: 'API error codes' };

// GET /docs/api/errors on a partner host – the error catalogue in the partner's brand
export default async function PartnerApiErrorsPage({ params }: { params: Promise<{ host: string }> }) {
  const tenant = await tenantForPath((await params).host, (await headers()).get('host'));
  if (!tenant) notFound();
  return <ErrorCatalogue brand={<BrandMark brand={tenant.brand} />} productName={tenant.brand.productName} />;
}
