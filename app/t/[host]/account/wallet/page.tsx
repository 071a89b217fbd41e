import type { Metadata } from 'next';
import { ForecastLine, Money } from '@/components/billing/money';
import { buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { requirePortalSession } from '@/lib/auth/portal-session';
import { statementFiltersFrom } from '@/lib/ledger/statement-filters';
import { portalWallet } from '@/lib/portal/portal-data';
import { parseCursorParams, type SearchParams } from '@/lib/tables/table-params';
import { StatementSection } from '@/components/billing/statement-section';

export const metadata: Metadata = { title: 'Wallet' };

const when = new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Kolkata' });

export default async function PortalWalletPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { ctx, tenant } = await requirePortalSession();
  const query = await searchParams;
  const { raw, ...filters } = statementFiltersFrom(query);
  const cursor = parseCursorParams(query);
  const { wallet, statement } = await portalWallet(ctx, { ...filters, ...cursor, limit: 25 });
  return (
    <>
      <h1 className="text-2xl font-semibold">Wallet</h1>
      <div className="grid gap-4 sm:grid-cols-2">
        <Card title="Balance">
          <p className="text-2xl font-semibold" data-testid="portal-wallet-balance">
            <Money value={wallet.wallet.available} />
          </p>
          {wallet.wallet.held ? (
            <p className="text-sm text-slate-600">
              Of <Money value={wallet.wallet.balance} />, <Money value={wallet.wallet.held} /> is reserved.
            </p>
          ) : null}
          <ForecastLine dailySpend={wallet.wallet.forecast.dailySpend} runsOutOn={wallet.wallet.forecast.runsOutOn} />
          <p className="mt-2 text-sm text-slate-600">To add credits, contact {tenant.brand.supportEmail ?? tenant.brand.productName}.</p>
        </Card>
        <Card title="Validity">
          <p className="text-lg font-semibold">{wallet.validTill ? when.format(wallet.validTill) : 'No end date'}</p>
          <p className="text-sm text-slate-600">{wallet.expired ? 'Expired: services are paused until validity is extended.' : 'Services run until then (India time).'}</p>
        </Card>
      </div>
      <Card
        title="Transactions"
        actions={
          <a href={`/account/wallet/export?${new URLSearchParams(raw)}`} download className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
            Export CSV
          </a>
        }
      >
        <StatementSection statement={statement} cursor={cursor} filters={raw} clearHref="/account/wallet" />
      </Card>
    </>
  );
}
