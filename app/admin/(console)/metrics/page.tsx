import type { Metadata } from 'next';
import { rupees } from '@/components/charts/chart-formats';
import { MetricsBoard, PeriodForm } from '@/components/metrics/metrics-overview';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireOperatorSession } from '@/lib/auth/session';
import { AppError } from '@/lib/errors/app-error';
import { operatorMetrics } from '@/lib/usage/partner-metrics';

export const metadata: Metadata = { title: 'Metrics' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OperatorMetricsPage({ searchParams }: Props) {
  const query = await searchParams;
  const { ctx } = await requireOperatorSession();
  const month = typeof query.month === 'string' && query.month ? query.month : undefined;
  const metrics = await operatorMetrics(ctx, { month }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'validation_failed') return operatorMetrics(ctx, {});
    throw error;
  });
  return (
    <>
      <PageHeader title="Metrics" description={`Every live partner’s business from ${metrics.period.from} to ${metrics.period.to} (India time). Cost is what partners paid you at wholesale.`} actions={<PeriodForm month={metrics.period.from.slice(0, 7)} />} />
      <MetricsBoard metrics={metrics} moneyTitle="Revenue and commission, all partners" />
      <Card title="By partner" description="Partners with charges in the period, by revenue." className="mt-6">
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="metrics-by-partner">
            <thead>
              <tr className="border-b border-slate-200 text-slate-600">
                <th scope="col" className="py-1 pr-3 font-medium">Partner</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">Revenue</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">Wholesale</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">Commission</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">Active clients</th>
              </tr>
            </thead>
            <tbody>
              {(metrics.byPartner ?? []).map((row) => (
                <tr key={row.partnerId} className="border-b border-slate-100">
                  <th scope="row" className="py-1 pr-3 font-normal">{row.name}</th>
                  <td className="py-1 pr-3 text-right tabular-nums whitespace-nowrap">{rupees(Number(row.retail))}</td>
                  <td className="py-1 pr-3 text-right tabular-nums whitespace-nowrap">{rupees(Number(row.wholesale))}</td>
                  <td className="py-1 pr-3 text-right tabular-nums whitespace-nowrap">{rupees(Number(row.commission))}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{row.activeClients}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </>
  );
}
