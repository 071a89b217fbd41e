import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireConsoleSession } from '@/lib/auth/session';
import { countClients } from '@/lib/clients/client-counts';
import { listRecentClients } from '@/lib/clients/list-recent-clients';
import { listDomains } from '@/lib/domains/manage-domains';
import { listTeam } from '@/lib/team/list-team';
import { clientStatusTone } from '@/components/console/status-tones';
import { MoneyChart, UsageKindChart } from '@/components/metrics/metrics-overview';
import { partnerMetrics } from '@/lib/usage/partner-metrics';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  // Clients exist per environment (test mode shows the sandbox's); the team and domains are the live partner's.
  const { ctx, dataCtx, user } = await requireConsoleSession();
  const [clients, recent, team, domains, metrics] = await Promise.all([countClients(dataCtx), listRecentClients(dataCtx), listTeam(ctx), listDomains(ctx), partnerMetrics(dataCtx)]);
  const stats = [
    { label: 'Clients', value: clients.total, testId: 'stat-clients' },
    { label: 'Active clients', value: clients.active, testId: 'stat-active-clients' },
    { label: 'Pending onboarding', value: clients.pending, testId: 'stat-pending-clients' },
    { label: 'Team members', value: team.length, testId: 'stat-team' },
    { label: 'Verified custom domains', value: domains.custom.filter((d) => d.status === 'verified').length, testId: 'stat-domains' },
  ];
  return (
    <>
      <PageHeader title={`Welcome, ${user.name.split(' ')[0]}`} description="How your business looks today." />
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-5">
        {stats.map((stat) => (
          <div key={stat.label} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <dt className="text-sm text-slate-600">{stat.label}</dt>
            <dd className="mt-1 text-3xl font-semibold" data-testid={stat.testId}>
              {stat.value}
            </dd>
          </div>
        ))}
      </dl>
      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <Card
          title="Revenue and commission"
          className="min-w-0 lg:col-span-2"
          actions={
            <Link className="text-brand-link text-sm underline" href="/metrics">
              All metrics
            </Link>
          }
        >
          <MoneyChart metrics={metrics} testId="dashboard-chart-money" />
        </Card>
        <Card title="Usage this month" className="min-w-0">
          <UsageKindChart usage={metrics.usage} testId="dashboard-chart-usage" />
        </Card>
      </div>
      <Card title="Newest clients" className="mt-6">
        {recent.length === 0 ? (
          <p className="text-sm text-slate-600">No clients yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {recent.map((client) => (
              <li key={client.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                <span>
                  <span className="font-medium">{client.name}</span> <span className="text-slate-500">{client.email}</span>
                </span>
                <Badge tone={clientStatusTone[client.status]}>{client.status}</Badge>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <p className="mt-6 text-sm text-slate-600">
        Your console is at <strong>{domains.subdomain}</strong>
        {domains.custom.some((d) => d.status === 'verified') ? ' and your verified domains' : ''}.{' '}
        <Link className="text-brand-link underline" href="/settings">
          Manage domains
        </Link>
      </p>
    </>
  );
}
