import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActivityList, type ActivityEntry } from '@/components/clients/activity-list';
import { ClientTabs } from '@/components/clients/client-tabs';
import { describeChange } from '@/components/clients/describe-activity';
import { KycSummary, RequirementList } from '@/components/clients/kyc-summary';
import { ActionForm, ActionTextareaField } from '@/components/console/action-form';
import { ShownOnceSecret } from '@/components/console/secret-box';
import { nextStepLabels } from '@/components/clients/registration-stages';
import { buttonClasses } from '@/components/ui/button';
import { SubmitButton } from '@/components/ui/submit-button';
import { createLinkAction } from '../links/actions';
import { ConfirmAction } from '@/components/console/confirm-action';
import { clientStatusTone } from '@/components/console/status-tones';
import { Time } from '@/components/console/time';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { listApiKeys } from '@/lib/api-keys/manage-api-keys';
import { listPartnerAudit } from '@/lib/audit/list-audit';
import { requireConsoleSession } from '@/lib/auth/session';
import { getClientOwner } from '@/lib/clients/client-owner';
import { getClient } from '@/lib/clients/manage-clients';
import { pendingClientOnboarding, type PendingClientOnboarding } from '@/lib/clients/client-onboarding';
import { AppError } from '@/lib/errors/app-error';
import { getClientKyc } from '@/lib/onboarding/client-kyc';
import { listTeam } from '@/lib/team/list-team';
import { BillingDetailsCard } from '@/components/clients/billing-details-card';
import { clientBillingDetails } from '@/lib/invoices/tax-profiles';
import { saveBillingDetailsAction, setClientStatusAction } from './actions';

export const metadata: Metadata = { title: 'Client' };

type AuditEntry = Awaited<ReturnType<typeof listPartnerAudit>>[number];

type Props = { params: Promise<{ clientId: string }> };

export default async function ClientPage({ params }: Props) {
  const { clientId } = await params;
  const { ctx, dataCtx, user, environment } = await requireConsoleSession();
  // Another partner's client, or one of the other environment, is simply not there.
  const client = await getClient(dataCtx, clientId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const [owner, kyc, team, keys, onboarding, billing] = await Promise.all([
    getClientOwner(dataCtx, client.id),
    getClientKyc(dataCtx, client.id),
    listTeam(ctx),
    listApiKeys(ctx),
    client.status === 'pending' ? pendingClientOnboarding(dataCtx, client) : null,
    clientBillingDetails(dataCtx, client.id),
  ]);
  // The client's own trail, and the onboarding steps of the registration that created it.
  const [clientTrail, registrationTrail] = await Promise.all([listPartnerAudit(dataCtx, { targetId: client.id }), kyc ? listPartnerAudit(dataCtx, { targetId: kyc.id }) : []]);

  const people = new Map(team.map((member) => [member.id, member.name]));
  const keyNames = new Map(keys.map((key) => [key.id, key.name]));
  const actorOf = (entry: AuditEntry): string => {
    if (entry.actorType === 'partner_user') return (entry.actorId && people.get(entry.actorId)) ?? 'a former team member';
    if (entry.actorType === 'api_key') return entry.actorId && keyNames.has(entry.actorId) ? `API key “${keyNames.get(entry.actorId)}”` : 'an API key';
    return { operator: 'the platform operator', client_member: 'the client', system: 'the system' }[entry.actorType];
  };
  const activity: ActivityEntry[] = [...clientTrail, ...registrationTrail]
    .sort((a, b) => (a.id < b.id ? 1 : -1))
    .map((entry) => ({ id: entry.id, createdAt: entry.createdAt, action: entry.action, actor: actorOf(entry), detail: describeChange(entry.before, entry.after) }));
  const canManage = user.role !== 'member';

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/clients" className="text-slate-600 underline-offset-2 hover:underline">
          ← Clients
        </Link>
      </p>
      <PageHeader
        title={client.name}
        description={client.email}
        actions={
          <>
            {environment === 'test' ? <Badge tone="warning">test client</Badge> : null}
            <Badge tone={clientStatusTone[client.status]}>{client.status}</Badge>
          </>
        }
      />
      <ClientTabs clientId={client.id} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Profile">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-600">Client id</dt>
            <dd className="font-mono text-xs break-all">{client.id}</dd>
            <dt className="text-slate-600">Created</dt>
            <dd><Time value={client.createdAt} /></dd>
            <dt className="text-slate-600">Updated</dt>
            <dd><Time value={client.updatedAt} /></dd>
            <dt className="text-slate-600">Owner</dt>
            <dd data-testid="client-owner">
              {owner ? (
                <>
                  {owner.name} <span className="text-slate-600">· {owner.email}</span>
                  <span className="block text-xs text-slate-600">Member since <Time value={owner.createdAt} /></span>
                </>
              ) : (
                <span className="text-slate-600">No owner account</span>
              )}
            </dd>
          </dl>
        </Card>

        <Card title="Status" description={statusDescription(client.status)}>
          {client.status === 'pending' ? (
            <PendingNextStep client={client} onboarding={onboarding!} />
          ) : canManage ? (
            <StatusAction clientId={client.id} name={client.name} active={client.status === 'active'} />
          ) : (
            <p className="text-sm text-slate-600">Only owners and admins can activate or deactivate clients.</p>
          )}
        </Card>

        <Card title="KYC" description={kyc ? 'As verified during onboarding. Numbers are masked; the whole Aadhaar number is never stored.' : undefined}>
          {kyc ? <KycSummary kyc={kyc} live={environment === 'live'} /> : <p className="text-sm text-slate-600">{client.status === 'pending' ? 'No KYC yet: it is recorded when the client’s onboarding is accepted.' : 'Not onboarded: this client was added without the KYC journey, so there is no KYC on record.'}</p>}
        </Card>

        <Card title="Requirements">
          {kyc ? <RequirementList kyc={kyc} /> : <p className="text-sm text-slate-600">No onboarding requirements on record.</p>}
        </Card>

        <div className="lg:col-span-2">
          <BillingDetailsCard clientId={client.id} details={billing} canManage={canManage} action={saveBillingDetailsAction} />
        </div>
      </div>

      <Card title="Activity" description="Changes to this client and its onboarding, newest first." className="mt-6">
        <ActivityList entries={activity} />
      </Card>
    </>
  );
}

function statusDescription(status: 'pending' | 'active' | 'inactive'): string {
  if (status === 'active') return 'Active: the client can sign in and use its services.';
  if (status === 'inactive') return 'Inactive: the client cannot use its services until you reactivate it.';
  return 'Pending: onboarding is not finished. The client becomes active when its KYC is accepted.';
}

/** A pending client's way forward: carry on with the registration under way, or start one (here, or by link). */
function PendingNextStep({ client, onboarding }: { client: { name: string; email: string }; onboarding: PendingClientOnboarding }) {
  if (onboarding.kind === 'continue') {
    return (
      <div className="space-y-3 text-sm" data-testid="client-next-step">
        <p>
          Its registration is under way{onboarding.nextStep ? <>; next: <strong>{nextStepLabels[onboarding.nextStep]}</strong></> : null}.
        </p>
        <Link href={`/clients/new/${encodeURIComponent(onboarding.registrationId)}`} className={buttonClasses()}>
          Continue onboarding
        </Link>
      </div>
    );
  }
  const start = `/clients/new?${new URLSearchParams({ name: client.name, email: client.email })}`;
  return (
    <div className="space-y-4 text-sm" data-testid="client-next-step">
      <p>Take the client through registration and KYC yourself, or e-mail them a link to do it on your domain.</p>
      <Link href={start} className={buttonClasses()}>
        Start onboarding
      </Link>
      <ActionForm action={createLinkAction} toastSuccess={false} className="space-y-3">
        <input type="hidden" name="prefill.name" value={client.name} />
        <input type="hidden" name="prefill.email" value={client.email} />
        <input type="hidden" name="expires_in_days" value="7" />
        <ShownOnceSecret />
        <SubmitButton variant="secondary" pendingLabel="Sending…">
          E-mail an onboarding link to {client.email}
        </SubmitButton>
      </ActionForm>
    </div>
  );
}

function StatusAction({ clientId, name, active }: { clientId: string; name: string; active: boolean }) {
  return (
    <ConfirmAction
      action={setClientStatusAction}
      fields={{ clientId, status: active ? 'inactive' : 'active' }}
      triggerLabel={active ? 'Deactivate' : 'Reactivate'}
      tone={active ? 'danger' : 'primary'}
      title={active ? `Deactivate ${name}?` : `Reactivate ${name}?`}
      description={active ? 'The client stops being able to use its services. Nothing is deleted, and you can reactivate it later.' : 'The client can use its services again.'}
      confirmLabel={active ? 'Deactivate' : 'Reactivate'}
    >
      <ActionTextareaField label="Reason" hint="Kept in the audit trail and sent with the webhook." name="reason" required maxLength={500} />
    </ConfirmAction>
  );
}
