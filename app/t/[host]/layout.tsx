import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { BrandStyle } from '@/components/brand/brand-style';
import { BrandMark } from '@/components/brand/brand-mark';
import { brandIconVersion } from '@/lib/branding/brand-icon';
import { tenantForPath } from '@/lib/tenancy/tenant-for-path';

type Props = { children: ReactNode; params: Promise<{ host: string }> };

async function tenantFor(params: Props['params']) {
  return tenantForPath((await params).host, (await headers()).get('host'));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tenant = await tenantFor(params);
  // A template without %s is the title whatever the page below asks for: an unknown host shows the 404 and a
  // suspended partner the unavailable page, never the title of the page that was requested ("Dashboard").
  // Unknown hosts get an empty icon, so the browser does not go looking for anyone's /favicon.ico.
  if (!tenant) return { title: { default: 'Page not found', template: 'Page not found' }, icons: { icon: 'data:,' } };
  const { productName } = tenant.brand;
  const unavailable = `Temporarily unavailable · ${productName}`;
  return {
    title: tenant.status === 'active' ? { default: productName, template: `%s · ${productName}` } : { default: unavailable, template: unavailable },
    applicationName: productName,
    // The partner's own icon (its logo, or its initial in its colour), served from this host: never the platform's.
    icons: { icon: `/brand/icon?v=${brandIconVersion(tenant.brand)}` },
  };
}

/** Every page on a partner host: found by host (else the neutral 404) and painted in that partner's brand. */
export default async function TenantLayout({ children, params }: Props) {
  const tenant = await tenantFor(params);
  if (!tenant) notFound();
  return (
    <>
      <BrandStyle primary={tenant.brand.primaryColor} secondary={tenant.brand.secondaryColor} />
      {tenant.status === 'active' ? (
        children
      ) : (
        <main className="grid min-h-dvh place-items-center p-6 text-center">
          <div className="space-y-3">
            <BrandMark brand={tenant.brand} size="lg" />
            <h1 className="text-xl font-semibold">This service is temporarily unavailable</h1>
            {tenant.brand.supportEmail ? <p className="text-slate-600">Contact {tenant.brand.supportEmail} for help.</p> : null}
          </div>
        </main>
      )}
    </>
  );
}
