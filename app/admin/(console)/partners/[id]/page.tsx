import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ApiKeysCard } from '@/components/admin/api-keys-card';
import { RateLimitCard } from '@/components/admin/rate-limit-card';
import { ActionForm, ActionTextField } from '@/components/console/action-form';
import { ConfirmAction } from '@/components/console/confirm-action';
import { ShownOnce } from '@/components/console/shown-once';
import { domainStatusTone, partnerStatusTone } from '@/components/console/status-tones';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { PageHeader } from '@/components/ui/page-header';
import { Select } from '@/components/ui/select';
import { SubmitButton } from '@/components/ui/submit-button';
import { Textarea } from '@/components/ui/textarea';
import { tierLimits } from '@/lib/partners/tier-limits';
import { listApiKeys } from '@/lib/api-keys/manage-api-keys';
import { requireOperatorSession } from '@/lib/auth/session';
import { listDomains } from '@/lib/domains/manage-domains';
import { AppError } from '@/lib/errors/app-error';
import { getPartner } from '@/lib/partners/get-partner';
import { tierLabels } from '@/lib/partners/schemas';
import { listTeam } from '@/lib/team/list-team';
import { partnerUrl } from '@/lib/tenancy/urls';
import { changeTierAction, createApiKeyAction, createOwnerAction, revokeApiKeyAction, setRateLimitAction, setStatusAction } from '../actions';

export const metadata: Metadata = { title: 'Partner' };

export default async function PartnerPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const { ctx } = await requireOperatorSession();
  const { id } = await params;
  const partner = await getPartner(ctx, id).catch((error) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const partnerCtx = { ...ctx, partnerId: partner.id };
  const [domains, team, apiKeys, { created }] = await Promise.all([listDomains(partnerCtx), listTeam(partnerCtx), listApiKeys(partnerCtx), searchParams]);
  return (
    <>
      <PageHeader
        title={partner.name}
        description={<>Console: <a className="underline" href={partnerUrl(partner.slug)}>{partnerUrl(partner.slug)}</a></>}
        actions={<Badge tone={partnerStatusTone[partner.status]}>{partner.status}</Badge>}
      />
      {created ? <p className="mb-6 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">Partner created. Add its first owner below.</p> : null}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card title="Tier" description="Sets the API rate limit and commission rates.">
          <ActionForm action={changeTierAction} className="flex items-end gap-3">
            <input type="hidden" name="partnerId" value={partner.id} />
            <FormField label="Tier" name="tier">
              {(control) => (
                <Select {...control} defaultValue={partner.tier} className="w-44">
                  {Object.entries(tierLabels).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
                </Select>
              )}
            </FormField>
            <SubmitButton variant="secondary">Change tier</SubmitButton>
          </ActionForm>
        </Card>
        <Card title="Status" description={partner.status === 'suspended' ? `Suspended${partner.suspendedReason ? `: ${partner.suspendedReason}` : ''}. Its hosts show an unavailable page and nobody can sign in.` : 'Active: its hosts serve its console and client pages.'}>
          {partner.status === 'active' ? (
            <ConfirmAction action={setStatusAction} fields={{ partnerId: partner.id, status: 'suspended' }} triggerLabel="Suspend partner" tone="danger" title={`Suspend ${partner.name}?`} description="Its console and its clients' pages stop working until you reactivate it. No data is deleted." confirmLabel="Suspend">
              <label className="block text-sm font-medium" htmlFor="suspend-reason">Reason (kept in the audit log)</label>
              <Textarea id="suspend-reason" name="reason" maxLength={500} />
            </ConfirmAction>
          ) : (
            <ConfirmAction action={setStatusAction} fields={{ partnerId: partner.id, status: 'active' }} triggerLabel="Reactivate" title={`Reactivate ${partner.name}?`} confirmLabel="Reactivate" />
          )}
        </Card>
        <Card title="Hostnames">
          <ul className="space-y-2 text-sm">
            <li className="flex justify-between gap-2"><span className="font-mono">{domains.subdomain}</span><Badge tone="success">platform</Badge></li>
            {domains.custom.map((domain) => (
              <li key={domain.id} className="flex justify-between gap-2">
                <span className="font-mono">{domain.hostname}</span>
                <Badge tone={domainStatusTone[domain.status]}>{domain.status}</Badge>
              </li>
            ))}
          </ul>
        </Card>
        <Card title="Team" description={team.length ? undefined : 'No users yet: create the first owner.'}>
          <ul className="mb-4 space-y-1 text-sm">
            {team.map((member) => <li key={member.id}>{member.name} · {member.email} · {member.role} · {member.state}</li>)}
          </ul>
          <ActionForm action={createOwnerAction} toastSuccess={false} className="space-y-3">
            <ShownOnce />
            <input type="hidden" name="partnerId" value={partner.id} />
            <ActionTextField label="Owner's name" name="name" required autoComplete="off" />
            <ActionTextField label="Owner's e-mail" name="email" type="email" required autoComplete="off" />
            <FormField label="How they get access" name="delivery">
              {(control) => (
                <Select {...control} defaultValue="password">
                  <option value="password">Temporary password (shown once)</option>
                  <option value="invite">Invitation link</option>
                </Select>
              )}
            </FormField>
            <SubmitButton>Create owner</SubmitButton>
          </ActionForm>
        </Card>
        <ApiKeysCard partnerId={partner.id} keys={apiKeys} createAction={createApiKeyAction} revokeAction={revokeApiKeyAction} />
        <RateLimitCard partnerId={partner.id} override={partner.rateLimitPerHour} tierLimit={tierLimits[partner.tier]} action={setRateLimitAction} />
      </div>
    </>
  );
}
