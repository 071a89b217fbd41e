import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { BrandStyle } from '@/components/brand/brand-style';
import { BrandMark } from '@/components/brand/brand-mark';
import { resolveHost } from '@/lib/tenancy/resolve-host';

type Props = { children: ReactNode; params: Promise<{ host: string }> };

async function tenantFor(params: Props['params']) {
  const { host } = await params;
  const resolved = await resolveHost(decodeURIComponent(host));
  return resolved.kind === 'partner' ? resolved.tenant : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tenant = await tenantFor(params);
  if (!tenant) return { title: 'Page not found' };
  const { productName, logoVersion } = tenant.brand;
  return {
    title: { default: productName, template: `%s · ${productName}` },
    applicationName: productName,
    // Without a logo the browser asks for /favicon.ico, which this host answers with nothing of anyone else's.
    icons: logoVersion ? { icon: `/brand/logo?v=${logoVersion}` } : { icon: 'data:,' },
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
