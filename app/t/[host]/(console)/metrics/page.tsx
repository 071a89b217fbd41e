import type { Metadata } from 'next';
import { MetricsBoard, PeriodForm } from '@/components/metrics/metrics-overview';
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
      <MetricsBoard metrics={metrics} moneyTitle="Revenue and commission" />
    </>
  );
}
