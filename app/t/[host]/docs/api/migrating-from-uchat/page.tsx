import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { UChatMigrationGuide } from '@/components/api-docs/uchat-migration-guide';
import { BrandMark } from '@/components/brand/brand-mark';
import { tenantForPath } from '@/lib/tenancy/tenant-for-path';
import { hostOrigin } from '@/lib/tenancy/urls';

export const metadata: Metadata = { title: 'Migrating from UChat' };

// GET /docs/api/migrating-from-uchat on a partner host – the same guide, in the partner's brand
export default async function PartnerUChatGuidePage({ params }: { params: Promise<{ host: string }> }) {
  const tenant = await tenantForPath((await params).host, (await headers()).get('host'));
  if (!tenant) notFound();
  return <UChatMigrationGuide brand={<BrandMark brand={tenant.brand} />} productName={tenant.brand.productName} origin={hostOrigin(tenant.hostname)} />;
}
