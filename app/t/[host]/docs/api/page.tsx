import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { ApiReference } from '@/components/api-docs/api-reference';
import { BrandMark } from '@/components/brand/brand-mark';
import { tenantForPath } from '@/lib/tenancy/tenant-for-path';
import { hostOrigin } from '@/lib/tenancy/urls';

export const metadata: Metadata = { title: 'API reference' };

// GET /docs/api on a partner host – the same reference, in the partner's brand and under its product name
export default async function PartnerApiDocsPage({ params }: { params: Promise<{ host: string }> }) {
  const tenant = await tenantForPath((await params).host, (await headers()).get('host'));
  if (!tenant) notFound();
  return <ApiReference brand={<BrandMark brand={tenant.brand} />} productName={tenant.brand.productName} origin={hostOrigin(tenant.hostname)} />;
}
