import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { requireStaffSession } from '@/lib/auth/session';
import { listEmailTemplates } from '@/lib/email-templates/manage-templates';
import { getBranding } from '@/lib/branding/update-branding';
import { getSendingDomain } from '@/lib/sending-domains/manage-sending-domain';
import { SendingDomainCard } from '@/components/emails/sending-domain-card';
import { removeSendingDomainAction, setSendingDomainAction, verifySendingDomainAction } from './actions';

export const metadata: Metadata = { title: 'E-mails' };

export default async function EmailTemplatesPage() {
  const { ctx, user } = await requireStaffSession();
  const [templates, domain, branding] = await Promise.all([listEmailTemplates(ctx), getSendingDomain(ctx), getBranding(ctx)]);
  return (
    <>
      <PageHeader title="E-mails" description="Every e-mail sent on your behalf, in your brand. Change the wording of any of them; live and test mode share it." />
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {templates.map((t) => (
          <li key={t.message_type} className="flex flex-wrap items-center justify-between gap-3 p-4">
            <div className="min-w-0">
              <Link href={`/emails/${t.message_type}`} className="text-brand-link font-medium underline">
                {t.label}
              </Link>
              <p className="text-sm text-slate-600">{t.description}</p>
            </div>
            <Badge tone={t.customized ? 'success' : 'neutral'}>{t.customized ? 'Customised' : 'Default'}</Badge>
          </li>
        ))}
      </ul>
      <div className="mt-6">
        <SendingDomainCard domain={domain} supportEmail={branding.supportEmail} canEdit={user.role !== 'member'} actions={{ set: setSendingDomainAction, verify: verifySendingDomainAction, remove: removeSendingDomainAction }} />
      </div>
    </>
  );
}
