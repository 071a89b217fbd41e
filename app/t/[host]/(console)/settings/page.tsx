import type { Metadata } from 'next';
import { ActionForm, ActionTextField } from '@/components/console/action-form';
import { ConfirmAction } from '@/components/console/confirm-action';
import { domainStatusTone } from '@/components/console/status-tones';
import { AccountSecurityCard } from '@/components/auth/account-security-card';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { SubmitButton } from '@/components/ui/submit-button';
import { requireStaffSession } from '@/lib/auth/session';
import { listDomains } from '@/lib/domains/manage-domains';
import { listPromoCodes } from '@/lib/onboarding/promo-codes';
import { addDomainAction, createPromoCodeAction, deletePromoCodeAction, removeDomainAction, verifyDomainAction } from './actions';
import { signOutEverywhereAction } from '../actions';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const { ctx, user } = await requireStaffSession();
  const [domains, promos] = await Promise.all([listDomains(ctx), listPromoCodes(ctx)]);
  const canEdit = user.role !== 'member';
  return (
    <>
      <PageHeader title="Settings" description="Your own account, and where your console and your clients' pages are served." />
      <AccountSecurityCard email={user.email} passwordHref="/password" signOutEverywhere={signOutEverywhereAction} className="mb-6" />
      <Card title="Domains" description="Your platform address always works. Add your own domain, prove it is yours with a DNS record, and it serves the same pages in your brand.">
        <ul className="divide-y divide-slate-100">
          <li className="flex flex-wrap items-center justify-between gap-2 py-3">
            <span className="font-mono text-sm">{domains.subdomain}</span>
            <Badge tone="success">platform address</Badge>
          </li>
          {domains.custom.map((domain) => (
            <li key={domain.id} className="space-y-2 py-3" data-testid={`domain-${domain.hostname}`}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-mono text-sm">{domain.hostname}</span>
                <Badge tone={domainStatusTone[domain.status]}>{domain.status}</Badge>
              </div>
              {domain.status !== 'verified' ? (
                <div className="rounded-md bg-slate-50 p-3 text-sm">
                  <p>Create this DNS record at your DNS provider, then choose Verify:</p>
                  <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 font-mono text-xs break-all">
                    <dt className="text-slate-500">Type</dt>
                    <dd>{domain.record.type}</dd>
                    <dt className="text-slate-500">Name</dt>
                    <dd>{domain.record.name}</dd>
                    <dt className="text-slate-500">Value</dt>
                    <dd data-testid="txt-value">{domain.record.value}</dd>
                  </dl>
                  {domain.failureReason ? <p className="mt-2 text-red-700">{domain.failureReason}</p> : null}
                  {domain.checkedAt ? <p className="mt-1 text-xs text-slate-500">Last checked {domain.checkedAt.toUTCString()}</p> : null}
                </div>
              ) : null}
              {canEdit ? (
                <div className="flex flex-wrap gap-2">
                  {domain.status !== 'verified' ? (
                    <ActionForm action={verifyDomainAction}>
                      <input type="hidden" name="hostnameId" value={domain.id} />
                      <SubmitButton size="sm" pendingLabel="Checking DNS…">
                        Verify
                      </SubmitButton>
                    </ActionForm>
                  ) : null}
                  <ConfirmAction
                    action={removeDomainAction}
                    fields={{ hostnameId: domain.id }}
                    triggerLabel="Remove"
                    triggerSize="sm"
                    triggerVariant="secondary"
                    tone="danger"
                    title={`Remove ${domain.hostname}?`}
                    description="Your console and client pages stop answering on this domain at once."
                    confirmLabel="Remove domain"
                  />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
        {canEdit ? (
          <ActionForm action={addDomainAction} className="mt-4 flex flex-wrap items-start gap-3 border-t border-slate-100 pt-4">
            <ActionTextField label="Add a domain" name="hostname" placeholder="console.example.com" fieldClassName="min-w-64 flex-1" />
            <SubmitButton className="mt-7">Add domain</SubmitButton>
          </ActionForm>
        ) : null}
      </Card>
      <Card title="Promo codes" className="mt-6" description="Codes your clients may enter when they register. They hold in test mode too.">
        {promos.length === 0 ? <p className="text-sm text-slate-600">No promo codes yet.</p> : null}
        <ul className="divide-y divide-slate-100">
          {promos.map((promo) => (
            <li key={promo.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <span>
                <span className="font-mono font-medium">{promo.code}</span>
                {promo.description ? <span className="text-slate-600"> — {promo.description}</span> : null}
                {promo.expiresAt ? <span className="text-slate-500"> (until {promo.expiresAt.toISOString().slice(0, 10)})</span> : null}
              </span>
              {canEdit ? <ConfirmAction action={deletePromoCodeAction} fields={{ promoCodeId: promo.id }} triggerLabel="Delete" triggerSize="sm" triggerVariant="ghost" tone="danger" title={`Delete ${promo.code}?`} description="New registrations can no longer use it; registrations that already did keep it." confirmLabel="Delete" /> : null}
            </li>
          ))}
        </ul>
        {canEdit ? (
          <ActionForm action={createPromoCodeAction} className="mt-4 border-t border-slate-100 pt-4">
            {/* The fields in a grid of their own: the form's message area is no longer a column, and the button sits on the fields' row. */}
            <div className="grid gap-3 sm:grid-cols-[1fr_2fr_1fr_auto] sm:items-start" data-testid="promo-code-fields">
              <ActionTextField label="Code" name="code" placeholder="WELCOME10" />
              <ActionTextField label="Description" name="description" placeholder="10% off the first month" />
              <ActionTextField label="Valid until" name="expiresAt" type="date" />
              <SubmitButton className="sm:mt-7">Add code</SubmitButton>
            </div>
          </ActionForm>
        ) : null}
      </Card>
    </>
  );
}
