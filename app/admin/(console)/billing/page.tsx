import type { Metadata } from 'next';
import Link from 'next/link';
import { Money } from '@/components/billing/money';
import { ActionForm, ActionSelectField, ActionTextField } from '@/components/console/action-form';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { SubmitButton } from '@/components/ui/submit-button';
import { requireOperatorSession } from '@/lib/auth/session';
import { partnerBalancesOverview, reconciliationStatus } from '@/lib/ledger/operator-views';
import { adjustPartnerAction, creditPartnerAction, verifyLedgerAction } from './actions';

export const metadata: Metadata = { title: 'Billing' };

const day = new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeZone: 'Asia/Kolkata' });
const when = new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Kolkata' });

export default async function OperatorBillingPage() {
  const { ctx } = await requireOperatorSession();
  const [balances, status] = await Promise.all([partnerBalancesOverview(ctx), reconciliationStatus(ctx)]);
  const partnerOptions = balances.map((p) => ({ value: p.partnerId, label: `${p.name} (${p.slug})` }));
  return (
    <>
      <PageHeader
        title="Billing"
        description="Partners’ prepaid balances and their runway, payments received, and the ledger’s health."
        actions={
          <>
            <Link href="/admin/billing/prices" className={buttonClasses({ variant: 'secondary' })}>Price book</Link>
            <Link href="/admin/billing/transfers" className={buttonClasses({ variant: 'secondary' })}>Ledger transfers</Link>
          </>
        }
      />
      <Card title="Reconciliation" className="mb-6" actions={<ActionForm action={verifyLedgerAction}><SubmitButton variant="secondary" size="sm">Verify now</SubmitButton></ActionForm>}>
        {status.last ? (
          <p className="text-sm" data-testid="reconciliation-status">
            {status.last.ok ? <Badge tone="success">clean</Badge> : <Badge tone="danger">problems</Badge>} Last run {when.format(status.last.createdAt)}: {status.last.transfers} transfers, {status.last.accounts} accounts, {status.last.durationMs} ms.
          </p>
        ) : (
          <p className="text-sm text-slate-600">Not run yet; the worker runs it daily.</p>
        )}
        {status.alerts.length ? (
          <ul className="mt-3 space-y-1 text-sm text-red-800">
            {status.alerts.map((alert) => (
              <li key={alert.id}>
                {when.format(alert.createdAt)}: {alert.message}
              </li>
            ))}
          </ul>
        ) : null}
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Record a payment" description="Credits the partner’s prepaid balance. A payment reference (bank UTR) is credited once.">
          <ActionForm action={creditPartnerAction} className="space-y-3">
            <ActionSelectField label="Partner" name="partnerId" options={partnerOptions} />
            <ActionTextField label="Amount (₹)" name="amount" inputMode="decimal" required />
            <ActionTextField label="Reference (UTR)" name="reference" required autoComplete="off" />
            <ActionTextField label="Note" name="memo" />
            <SubmitButton>Credit partner</SubmitButton>
          </ActionForm>
        </Card>
        <Card title="Adjust a balance" description="A correction with its reason, kept in the audit log; it can never take a balance below zero.">
          <ActionForm action={adjustPartnerAction} className="space-y-3">
            <ActionSelectField label="Partner" name="partnerId" options={partnerOptions} />
            <ActionTextField label="Amount (₹, negative to take away)" name="amount" inputMode="decimal" required />
            <ActionTextField label="Reason" name="reason" required />
            <SubmitButton>Adjust</SubmitButton>
          </ActionForm>
        </Card>
      </div>
      <Card title="Prepaid balances" className="mt-6">
        <table className="w-full text-sm">
          <caption className="sr-only">Every partner’s prepaid balance and forecast</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600">
              <th scope="col" className="py-2 font-medium">Partner</th>
              <th scope="col" className="py-2 font-medium">Tier</th>
              <th scope="col" className="py-2 text-right font-medium">Balance</th>
              <th scope="col" className="py-2 text-right font-medium">Spend a day</th>
              <th scope="col" className="py-2 text-right font-medium">Runs out</th>
            </tr>
          </thead>
          <tbody>
            {balances.map((p) => (
              <tr key={p.partnerId} className="border-b border-slate-100" data-testid={`balance-${p.slug}`}>
                <th scope="row" className="py-2 text-left font-normal">
                  <Link href={`/admin/partners/${p.partnerId}`} className="underline-offset-2 hover:underline">{p.name}</Link>
                </th>
                <td className="py-2">{p.tier}</td>
                <td className="py-2 text-right"><Money value={p.balance - p.held} /></td>
                <td className="py-2 text-right"><Money value={p.dailySpend} /></td>
                <td className="py-2 text-right">{p.runsOutOn ? day.format(p.runsOutOn) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
