import { BarChart } from '@/components/charts/bar-chart';
import { count, countShort, monthLabel, rupees, rupeesShort, usageKindLabels } from '@/components/charts/chart-formats';
import { Card } from '@/components/ui/card';
import type { Metrics } from '@/lib/usage/partner-metrics';

const growthText = (value: number | null) => (value === null ? 'no earlier figure' : `${value > 0 ? '+' : ''}${value}% vs previous period`);

/** The money over the months: revenue and cost as bars, commission as a line, with the numbers below. */
export function MoneyChart({ metrics, testId = 'chart-money' }: { metrics: Metrics; testId?: string }) {
  const rows = metrics.months.map((m) => ({ label: monthLabel(m.month), values: { retail: Number(m.retail), wholesale: Number(m.wholesale), commission: Number(m.commission) } }));
  const last = metrics.months.at(-1);
  return (
    <BarChart
      title="Revenue, cost and commission by month"
      summary={`Six months up to ${last ? monthLabel(last.month) : 'now'}: revenue at retail, cost at wholesale and the commission between them.`}
      series={[
        { key: 'retail', label: 'Revenue (retail)', colour: '#4f46e5' },
        { key: 'wholesale', label: 'Cost (wholesale)', colour: '#94a3b8' },
        { key: 'commission', label: 'Commission', colour: '#059669', kind: 'line' },
      ]}
      rows={rows}
      format={rupees}
      axisFormat={rupeesShort}
      testId={testId}
    />
  );
}

/** Usage in the period by kind (minutes, messages, requests, flow executions), one bar each. */
export function UsageKindChart({ usage, testId = 'chart-usage' }: { usage: Metrics['usage']; testId?: string }) {
  const kinds = ['call_minutes', 'masking_minutes', 'messages', 'api_requests', 'flow_executions'] as const;
  return (
    <BarChart
      title="Usage by kind"
      summary="How much of each metered kind was used in the period."
      series={[{ key: 'quantity', label: 'Used', colour: '#0ea5e9' }]}
      rows={kinds.map((kind) => ({ label: usageKindLabels[kind], values: { quantity: Number(usage[kind]) } }))}
      format={count}
      axisFormat={countShort}
      testId={testId}
    />
  );
}

/** The headline figures as tiles, each with its change against the previous period where there is one. */
export function MetricTiles({ metrics }: { metrics: Metrics }) {
  const tiles = [
    { label: 'Revenue', value: rupees(Number(metrics.money.retail)), note: growthText(metrics.growth.revenue), testId: 'metric-revenue' },
    { label: 'Cost (wholesale)', value: rupees(Number(metrics.money.wholesale)), note: `${count(metrics.money.charges)} charges`, testId: 'metric-cost' },
    { label: 'Commission', value: rupees(Number(metrics.money.commission)), note: growthText(metrics.growth.commission), testId: 'metric-commission' },
    { label: 'Active clients', value: count(metrics.clients.active), note: `of ${count(metrics.clients.total)}; ${growthText(metrics.growth.activeClients)}`, testId: 'metric-active' },
    { label: 'New clients', value: count(metrics.clients.new), note: growthText(metrics.growth.newClients), testId: 'metric-new' },
    { label: 'Churned clients', value: count(metrics.clients.churned), note: 'deactivated in the period', testId: 'metric-churned' },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-3 xl:grid-cols-6">
      {tiles.map((tile) => (
        <div key={tile.label} className="min-w-0 rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
          <dt className="text-sm text-slate-600">{tile.label}</dt>
          <dd className="mt-1 truncate text-xl font-semibold tabular-nums" data-testid={tile.testId}>
            {tile.value}
          </dd>
          <dd className="mt-0.5 text-xs text-slate-500">{tile.note}</dd>
        </div>
      ))}
    </dl>
  );
}

const duration = (seconds: number | null) => (seconds === null ? '—' : seconds < 3600 ? `${Math.round(seconds / 60)} min` : `${Math.round((seconds / 3600) * 10) / 10} h`);

/** Support figures beside the money: what clients asked and how fast it was answered. */
export function TicketFigures({ tickets }: { tickets: Metrics['tickets'] }) {
  const rows = [
    ['Tickets', count(tickets.total)],
    ['Open now', count(tickets.open)],
    ['Missed a target', `${count(tickets.breached)} (${Math.round(tickets.breachRate * 1000) / 10}%)`],
    ['Median first response', duration(tickets.medianFirstResponseSeconds)],
    ['Median resolution', duration(tickets.medianResolutionSeconds)],
  ];
  return (
    <Card title="Support">
      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd className="text-right tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

/** A month picker that needs no script: a GET form the server reads. */
export function PeriodForm({ month }: { month: string }) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-2">
      <label className="text-sm">
        <span className="block text-slate-600">Month</span>
        <input type="month" name="month" defaultValue={month} className="rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
      </label>
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50">
        Show
      </button>
    </form>
  );
}

/** The Metrics page's body, for a partner or (every live partner's) for the operator: tiles, then the charts. */
export function MetricsBoard({ metrics, moneyTitle }: { metrics: Metrics; moneyTitle: string }) {
  return (
    <>
      <MetricTiles metrics={metrics} />
      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <Card title={moneyTitle} className="min-w-0 lg:col-span-2">
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
