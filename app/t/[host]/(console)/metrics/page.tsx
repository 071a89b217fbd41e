import type { Metadata } from 'next';
import { MetricTiles, MoneyChart, PeriodForm, TicketFigures, UsageKindChart } from '@/components/metrics/metrics-overview';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireConsoleSession } from '@/lib/auth/session';
import { AppError } from '@/lib/errors/app-error';
import { partnerMetrics } from '@/lib/usage/partner-metrics';

export const metadata: Metadata = { title: 'Metrics' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MetricsPage({ searchParams }: Props) {
  const query = await searchParams;
  const { dataCtx } = await requireConsoleSession();
  const month = typeof query.month === 'string' && query.month ? query.month : undefined;
  // A month typed by hand that is not one shows this month, saying so, rather than an error page.
  const { metrics, refused } = await partnerMetrics(dataCtx, { month }).then(
    (found) => ({ metrics: found, refused: null as string | null }),
    async (error: unknown) => {
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
      return { metrics: await partnerMetrics(dataCtx, {}), refused: error.message };
    },
  );
  return (
    <>
      <PageHeader title="Metrics" description={`Your business from ${metrics.period.from} to ${metrics.period.to} (India time), from the ledger and metered usage.`} actions={<PeriodForm month={metrics.period.from.slice(0, 7)} />} />
      {refused ? (
        <p role="alert" className="mb-4 text-sm text-red-700">
          {refused} Showing this month instead.
        </p>
      ) : null}
      <MetricTiles metrics={metrics} />
      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <Card title="Revenue and commission" className="min-w-0 lg:col-span-2">
          <MoneyChart metrics={metrics} />
        </Card>
        <div className="grid min-w-0 gap-6">
          <Card title="Usage in the period" className="min-w-0">
            <UsageKindChart usage={metrics.usage} />
          </Card>
          <TicketFigures tickets={metrics.tickets} />
        </div>
      </div>
    </>
  );
}
