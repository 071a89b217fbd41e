import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AddCreditsForm } from '@/components/billing/add-credits-form';
import { ForecastLine, Money } from '@/components/billing/money';
import { ClientTabs } from '@/components/clients/client-tabs';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireConsoleSession } from '@/lib/auth/session';
import { AppError } from '@/lib/errors/app-error';
import { statementFiltersFrom } from '@/lib/ledger/statement-filters';
import { clientStatement, clientWallet } from '@/lib/ledger/statements';
import { parseCursorParams, type SearchParams } from '@/lib/tables/table-params';
import { addClientCreditsAction } from './actions';
import { StatementSection } from '@/components/billing/statement-section';

export const metadata: Metadata = { title: 'Wallet' };

const when = new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Kolkata' });

type Props = { params: Promise<{ clientId: string }>; searchParams: Promise<SearchParams> };

export default async function ClientWalletPage({ params, searchParams }: Props) {
  const { clientId } = await params;
  const query = await searchParams;
  const { dataCtx, user } = await requireConsoleSession();
  const wallet = await clientWallet(dataCtx, clientId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const { raw, ...filters } = statementFiltersFrom(query);
  const cursor = parseCursorParams(query);
  const statement = await clientStatement(dataCtx, wallet.client.id, { ...filters, ...cursor, limit: 25 });
  const base = `/clients/${encodeURIComponent(wallet.client.id)}/wallet`;
  const canManage = user.role !== 'member';

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/clients" className="text-slate-600 underline-offset-2 hover:underline">
          ← Clients
        </Link>
      </p>
      <PageHeader title={wallet.client.name} description={wallet.client.email} actions={wallet.expired ? <Badge tone="danger">validity expired</Badge> : null} />
      <ClientTabs clientId={wallet.client.id} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Balance">
          <p className="text-2xl font-semibold" data-testid="wallet-balance">
            <Money value={wallet.wallet.available} />
          </p>
          {wallet.wallet.held ? <p className="text-sm text-slate-600">Of <Money value={wallet.wallet.balance} />, <Money value={wallet.wallet.held} /> is reserved.</p> : null}
          <ForecastLine dailySpend={wallet.wallet.forecast.dailySpend} runsOutOn={wallet.wallet.forecast.runsOutOn} />
        </Card>
        <Card title="Validity">
          <p className="text-lg font-semibold" data-testid="wallet-validity">{wallet.validTill ? when.format(wallet.validTill) : 'No end date'}</p>
          <p className="text-sm text-slate-600">{wallet.expired ? 'Expired: services are suspended until validity is extended.' : 'Services run until then (India time).'}</p>
        </Card>
        <Card title="Days and points">
          <p className="text-sm">
            <Money value={wallet.days.balance} unit="days" /> · <Money value={wallet.points.balance} unit="points" />
          </p>
        </Card>
      </div>

      {canManage ? (
        <Card title="Add credits or extend validity" description="Credits you collected from this client; they pay its charges at your retail prices." className="mt-6">
          <AddCreditsForm action={addClientCreditsAction} clientId={wallet.client.id} clientName={wallet.client.name} />
        </Card>
      ) : null}

      <Card
        title="Transactions"
        className="mt-6"
        actions={
          <a href={`${base}/export?${new URLSearchParams(raw)}`} download className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
            Export CSV
          </a>
        }
      >
        <StatementSection statement={statement} cursor={cursor} filters={raw} clearHref={base} />
      </Card>
    </>
  );
}
