import { Card } from '@/components/ui/card';
import { PlainTable } from '@/components/ui/plain-table';
import { categoryLabels, priorityLabels, statusLabels, ticketCategories, ticketPriorities, ticketStatuses } from '@/lib/support/labels';
import type { TicketStatistics } from '@/lib/support/statistics';

/** "3 h 20 min", "2 d 4 h", "—": durations a person reads at a glance. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
  return `${Math.floor(hours / 24)} d${hours % 24 ? ` ${hours % 24} h` : ''}`;
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-md border border-slate-200 px-3 py-2">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

function Counts<K extends string>({ caption, keys, labels, counts }: { caption: string; keys: readonly K[]; labels: Record<K, string>; counts: Record<K, number> }) {
  return (
    <PlainTable caption={caption} columns={[{ label: caption }, { label: 'Tickets', align: 'right' }]} dense>
      {keys.map((key) => (
        <tr key={key} className="border-b border-slate-100">
          <td className="py-1.5">{labels[key]}</td>
          <td className="py-1.5 text-right tabular-nums">{counts[key]}</td>
        </tr>
      ))}
    </PlainTable>
  );
}

/** The support figures of a desk: the same numbers `GET /api/v1/support/statistics` answers. */
export function TicketStats({ stats, title = 'Statistics', showClients = true }: { stats: TicketStatistics; title?: string; showClients?: boolean }) {
  return (
    <Card title={title} description="Working time excludes pauses while a ticket waits on the requester.">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="ticket-stats">
        <Figure label="Tickets" value={String(stats.total)} />
        <Figure label="Open backlog" value={String(stats.backlog.open)} />
        <Figure label="Oldest open" value={formatDuration(stats.backlog.oldestAgeSeconds)} />
        <Figure label="Median first response" value={formatDuration(stats.medianFirstResponseSeconds)} />
        <Figure label="Median resolution" value={formatDuration(stats.medianResolutionSeconds)} />
        <Figure label="SLA missed" value={`${Math.round(stats.breachRate * 100)}%`} />
      </dl>
      <details className="mt-4">
        <summary className="cursor-pointer text-sm text-slate-700">By status, priority, category{showClients ? ' and client' : ''}</summary>
        <div className="mt-3 grid gap-6 md:grid-cols-3">
          <Counts caption="Status" keys={ticketStatuses} labels={statusLabels} counts={stats.byStatus} />
          <Counts caption="Priority" keys={ticketPriorities} labels={priorityLabels} counts={stats.byPriority} />
          <Counts caption="Category" keys={ticketCategories} labels={categoryLabels} counts={stats.byCategory} />
        </div>
        {showClients && stats.perClient.length ? (
          <div className="mt-4">
            <PlainTable caption="Tickets per client" columns={[{ label: 'Client' }, { label: 'Tickets', align: 'right' }, { label: 'Open', align: 'right' }]} dense>
              {stats.perClient.map((c) => (
                <tr key={c.clientId} className="border-b border-slate-100">
                  <td className="py-1.5">{c.name}</td>
                  <td className="py-1.5 text-right tabular-nums">{c.total}</td>
                  <td className="py-1.5 text-right tabular-nums">{c.open}</td>
                </tr>
              ))}
            </PlainTable>
          </div>
        ) : null}
      </details>
    </Card>
  );
}
