import type { Metadata } from 'next';
import { ForecastLine, Money } from '@/components/billing/money';
import { ActionForm, ActionSelectField, ActionTextField } from '@/components/console/action-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { SubmitButton } from '@/components/ui/submit-button';
import { requireConsoleSession } from '@/lib/auth/session';
import { paiseToDecimal } from '@/lib/ledger/format';
import { statementFiltersFrom } from '@/lib/ledger/statement-filters';
import { partnerBalances, partnerStatement } from '@/lib/ledger/statements';
import { listPartnerPrices } from '@/lib/prices/price-book';
import { parseCursorParams, type SearchParams } from '@/lib/tables/table-params';
import { buyUnitsAction, setPrepaidThresholdAction } from './actions';
import { StatementSection } from '@/components/billing/statement-section';

export const metadata: Metadata = { title: 'Billing' };

export default async function BillingPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { dataCtx, user, environment } = await requireConsoleSession();
  const query = await searchParams;
  const { raw, ...filters } = statementFiltersFrom(query);
  const cursor = parseCursorParams(query);
  const [balances, statement, prices] = await Promise.all([partnerBalances(dataCtx), partnerStatement(dataCtx, 'inr', { ...filters, ...cursor, limit: 25 }), listPartnerPrices(dataCtx)]);
  const dayPrice = prices.find((p) => p.product === 'channel_day')!;
  const pointPrice = prices.find((p) => p.product === 'point')!;
  const canManage = user.role !== 'member';

  return (
    <>
      <PageHeader title="Billing" description={environment === 'test' ? 'Your sandbox’s own balances: test charges never touch live money.' : 'Your prepaid balance pays our wholesale price for what your clients use.'} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Prepaid balance">
          <p className="text-2xl font-semibold" data-testid="prepaid-balance">
            <Money value={balances.prepaid.available} />
          </p>
          <ForecastLine dailySpend={balances.prepaid.forecast.dailySpend} runsOutOn={balances.prepaid.forecast.runsOutOn} />
          <p className="mt-2 text-sm text-slate-600">To top up, pay the platform and quote your account; the balance grows when the payment is recorded.</p>
        </Card>
        <Card title="Days">
          <p className="text-2xl font-semibold"><Money value={balances.days.balance} unit="days" /></p>
          <p className="text-sm text-slate-600">
            <Money value={dayPrice.wholesale} /> a day at wholesale.
          </p>
        </Card>
        <Card title="Points">
          <p className="text-2xl font-semibold"><Money value={balances.points.balance} unit="points" /></p>
          <p className="text-sm text-slate-600">
            <Money value={pointPrice.wholesale} /> a point at wholesale.
          </p>
        </Card>
      </div>

      {canManage ? (
        <div className="mt-6 grid gap-6 lg:grid-cols-2">
          <Card title="Buy days or points" description="Paid from your prepaid balance at your wholesale price; allocate them to clients from a client’s wallet.">
            <ActionForm action={buyUnitsAction} className="flex flex-col gap-3 sm:flex-row sm:items-end">
              <ActionSelectField label="What" name="unit" options={[{ value: 'days', label: 'Days' }, { value: 'points', label: 'Points' }]} />
              <ActionTextField label="How many" name="quantity" inputMode="numeric" required fieldClassName="sm:w-32" />
              <SubmitButton>Buy</SubmitButton>
            </ActionForm>
          </Card>
          <Card title="Low-balance alert" description="An e-mail-worthy event (partner.balance_low) once each time the balance falls below this.">
            <ActionForm action={setPrepaidThresholdAction} className="flex flex-col gap-3 sm:flex-row sm:items-end">
              <ActionTextField label="Alert below (₹)" name="threshold" inputMode="decimal" defaultValue={balances.prepaid.lowBalanceThreshold === null ? '' : paiseToDecimal(balances.prepaid.lowBalanceThreshold)} hint="Empty switches it off." />
              <SubmitButton>Save</SubmitButton>
            </ActionForm>
          </Card>
        </div>
      ) : null}

      <Card title="Prepaid transactions" className="mt-6">
        <StatementSection statement={statement} cursor={cursor} filters={raw} clearHref="/billing" />
      </Card>
    </>
  );
}
