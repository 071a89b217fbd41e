import { logoVersionOf } from '@/lib/branding/logo-version';
import type { Metadata } from 'next';
import { BrandingForm } from '@/components/branding/branding-form';
import { LogoForm } from '@/components/branding/logo-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireStaffSession } from '@/lib/auth/session';
import { getBranding } from '@/lib/branding/update-branding';
import { maxLogoBytes } from '@/lib/branding/schemas';
import { removeLogoAction, saveBrandingAction, uploadLogoAction } from './actions';

export const metadata: Metadata = { title: 'Branding' };

export default async function BrandingPage() {
  const { ctx, user } = await requireStaffSession();
  const branding = await getBranding(ctx);
  const canEdit = user.role !== 'member';
  return (
    <>
      <PageHeader title="Branding" description="How your console, your clients' pages and your e-mails look." />
      <div className="space-y-6">
        <Card title="Name and colours">
          <BrandingForm
            action={saveBrandingAction}
            disabled={!canEdit}
            initial={{ productName: branding.productName, primaryColor: branding.primaryColor, secondaryColor: branding.secondaryColor, supportEmail: branding.supportEmail ?? '' }}
          />
        </Card>
        <Card title="Logo" description={`PNG, JPEG or WebP, at most ${maxLogoBytes / 1024} KB. Shown in the console, on sign-in pages and as the browser icon.`}>
          <LogoForm uploadAction={uploadLogoAction} removeAction={removeLogoAction} disabled={!canEdit} logoVersion={branding.logoSha256 ? logoVersionOf(branding.logoSha256) : null} />
        </Card>
      </div>
    </>
  );
}
