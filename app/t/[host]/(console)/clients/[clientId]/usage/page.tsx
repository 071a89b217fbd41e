import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BarChart } from '@/components/charts/bar-chart';
import { bytes, count, countShort, usageKindLabels } from '@/components/charts/chart-formats';
import { ClientTabs } from '@/components/clients/client-tabs';
import { PeriodForm } from '@/components/metrics/metrics-overview';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireConsoleSession } from '@/lib/auth/session';
import { getClient } from '@/lib/clients/manage-clients';
import { AppError } from '@/lib/errors/app-error';
import { clientUsage, type UsageDay } from '@/lib/usage/client-usage';

export const metadata: Metadata = { title: 'Usage' };

type Props = { params: Promise<{ clientId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const notFoundOn404 = (error: unknown): never => {
  if (error instanceof AppError && error.code === 'not_found') notFound();
  throw error;
};

/** Every day of the period in order, with each kind's quantity that day (0 where nothing happened). */
function dailyRows(days: UsageDay[], from: string, to: string, kinds: UsageDay['kind'][]) {
  const byDay = new Map<string, Record<string, number>>();
  for (let day = new Date(`${from}T00:00:00Z`); day <= new Date(`${to}T00:00:00Z`); day = new Date(day.getTime() + 86_400_000)) byDay.set(day.toISOString().slice(0, 10), Object.fromEntries(kinds.map((k) => [k, 0])));
  for (const row of days) if (kinds.includes(row.kind) && byDay.has(row.day)) byDay.get(row.day)![row.kind] = (byDay.get(row.day)![row.kind] ?? 0) + Number(row.quantity);
  return [...byDay].map(([day, values]) => ({ label: day.slice(8), values }));
}

const channelLabels: Record<string, string> = { email: 'E-mail', sms: 'SMS' };

export default async function ClientUsagePage({ params, searchParams }: Props) {
  const { clientId } = await params;
  const query = await searchParams;
  const { dataCtx } = await requireConsoleSession();
  const client = await getClient(dataCtx, clientId).catch(notFoundOn404);
  const month = typeof query.month === 'string' && /^\d{4}-\d{2}$/.test(query.month) ? query.month : undefined;
  const usage = await clientUsage(dataCtx, client.id, { month }).catch((error: unknown) => (error instanceof AppError && error.code === 'validation_failed' ? clientUsage(dataCtx, client.id) : notFoundOn404(error)));
  const { from, to } = usage.period;
  const byChannel = usage.messagesByChannel.map((row) => `${channelLabels[row.channel] ?? row.channel} ${count(Number(row.quantity))}`).join(' · ');
  const tiles: { label: string; value: string; detail?: string }[] = [
    { label: usageKindLabels.call_minutes, value: count(Number(usage.totals.call_minutes)) },
    { label: usageKindLabels.masking_minutes, value: count(Number(usage.totals.masking_minutes)) },
    { label: usageKindLabels.messages, value: count(Number(usage.totals.messages)), detail: byChannel || undefined },
    { label: usageKindLabels.api_requests, value: count(Number(usage.totals.api_requests)) },
    { label: usageKindLabels.flow_executions, value: count(Number(usage.totals.flow_executions)) },
    { label: 'Storage at month end', value: bytes(Number(usage.totals.storage_bytes)) },
  ];
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/clients" className="text-slate-600 underline-offset-2 hover:underline">
          ← Clients
        </Link>
      </p>
      <PageHeader title={client.name} description={client.email} actions={<PeriodForm month={from.slice(0, 7)} />} />
      <ClientTabs clientId={client.id} />
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-6">
        {tiles.map((tile) => (
          <div key={tile.label} className="min-w-0 rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
            <dt className="text-sm text-slate-600">{tile.label}</dt>
            <dd className="mt-1 text-xl font-semibold tabular-nums" data-testid={`usage-${tile.label.toLowerCase().replace(/\W+/g, '-')}`}>
              {tile.value}
            </dd>
            {tile.detail ? <dd className="mt-0.5 truncate text-xs text-slate-500">{tile.detail}</dd> : null}
          </div>
        ))}
      </dl>
      <p className="mt-3 text-sm text-slate-600">
        {from} to {to} (India time). {count(usage.charged.events)} metered events were paid for by {count(usage.charged.charges)} charges in the client’s wallet statement.
      </p>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card title="Minutes by day" className="min-w-0">
          <BarChart
            title="Call and masking minutes by day"
            summary={`Billed minutes per day from ${from} to ${to}.`}
            series={[
              { key: 'call_minutes', label: usageKindLabels.call_minutes, colour: '#4f46e5' },
              { key: 'masking_minutes', label: usageKindLabels.masking_minutes, colour: '#f59e0b' },
            ]}
            rows={dailyRows(usage.days, from, to, ['call_minutes', 'masking_minutes'])}
            format={count}
            axisFormat={countShort}
            testId="chart-client-minutes"
          />
        </Card>
        <Card title="API requests, messages and flow executions by day" className="min-w-0">
          <BarChart
            title="API requests, messages and flow executions by day"
            summary={`API requests that named this client, messages, and calls its flows ran, per day from ${from} to ${to}.`}
            series={[
              { key: 'api_requests', label: usageKindLabels.api_requests, colour: '#0ea5e9' },
              { key: 'messages', label: usageKindLabels.messages, colour: '#059669' },
              { key: 'flow_executions', label: usageKindLabels.flow_executions, colour: '#a855f7' },
            ]}
            rows={dailyRows(usage.days, from, to, ['api_requests', 'messages', 'flow_executions'])}
            format={count}
            axisFormat={countShort}
            testId="chart-client-requests"
          />
        </Card>
      </div>
    </>
  );
}
