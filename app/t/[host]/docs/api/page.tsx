import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ApiReference } from '@/components/api-docs/api-reference';
import { BrandMark } from '@/components/brand/brand-mark';
import { resolveHost } from '@/lib/tenancy/resolve-host';
import { hostOrigin } from '@/lib/tenancy/urls';

export const metadata: Metadata = { title: 'API reference' };

// GET /docs/api on a partner host – the same reference, in the partner's brand and under its product name
export default async function PartnerApiDocsPage({ params }: { params: Promise<{ host: string }> }) {
  const resolved = await resolveHost(decodeURIComponent((await params).host));
  if (resolved.kind !== 'partner') notFound();
  const { tenant } = resolved;
  return <ApiReference brand={<BrandMark brand={tenant.brand} />} productName={tenant.brand.productName} origin={hostOrigin(tenant.hostname)} />;
}
