import type { Metadata } from 'next';
import { AccountSecurityCard } from '@/components/auth/account-security-card';
import { RequirementList } from '@/components/clients/kyc-summary';
import { clientStatusTone } from '@/components/console/status-tones';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { requirePortalSession } from '@/lib/auth/portal-session';
import { portalOverview } from '@/lib/portal/portal-data';
import { signOutEverywhereAction } from '../(console)/actions';

export const metadata: Metadata = { title: 'Your account' };

const statusText = { pending: 'Your account is being set up.', active: 'Your account is active: its services work.', inactive: 'Your account is inactive: its services are stopped. Contact support to resume them.' };

/** Where a client member lands after signing in on their partner's host: the account, its KYC and security. */
export default async function AccountPage() {
  const { tenant, member, ctx } = await requirePortalSession();
  const { client, kyc, role } = await portalOverview(ctx);
  return (
    <>
      <div>
        <h1 className="text-2xl font-semibold">{client.name}</h1>
        <p className="text-slate-600">
          Signed in to {tenant.brand.productName} as {member.email} ({role}).
        </p>
      </div>
      <Card title="Account status">
        <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="portal-account-status">
          <Badge tone={clientStatusTone[client.status]}>{client.status}</Badge> {statusText[client.status]}
        </p>
      </Card>
      <Card title="Business verification (KYC)">
        {kyc ? (
          <div className="space-y-3">
            <p className="text-sm text-slate-600">{kyc.requirements.currently_due.length ? 'Still due:' : 'Everything required has been provided.'}</p>
            <RequirementList kyc={kyc} />
          </div>
        ) : (
          <p className="text-sm text-slate-600">No verification on record for this account.{tenant.brand.supportEmail ? ` Questions? Write to ${tenant.brand.supportEmail}.` : ''}</p>
        )}
      </Card>
      <AccountSecurityCard email={member.email} passwordHref="/password" signOutEverywhere={signOutEverywhereAction} />
    </>
  );
}
