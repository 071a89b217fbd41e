'use client';

import { useEffect, useMemo, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { availabilityLabel, availabilityTone, formatDuration, type AvailabilityState } from './availability';

export type WallboardAgent = {
  id: string;
  client_id: string;
  name: string;
  extension: string;
  status: 'active' | 'inactive';
  availability: AvailabilityState;
  availability_since: string;
  queued_availability: string | null;
  calls_today: number;
  talk_seconds_today: number;
};
type Snapshot = { clients: { id: string; name: string }[]; agents: WallboardAgent[]; at: string };

/**
 * The live wallboard: an EventSource on the console's stream (a snapshot, then each change from any app
 * instance). The browser's EventSource reconnects by itself, and each reconnection brings a fresh snapshot: no
 * polling. The clock below only re-renders "time in state" once a second; it asks the server nothing.
 */
export function Wallboard({ streamUrl, initial, showClient }: { streamUrl: string; initial: Snapshot; showClient: boolean }) {
  const [agents, setAgents] = useState(() => new Map(initial.agents.map((agent) => [agent.id, agent])));
  const [clients, setClients] = useState(() => new Map(initial.clients.map((client) => [client.id, client.name])));
  const [connected, setConnected] = useState(false);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const source = new EventSource(streamUrl);
    source.addEventListener('open', () => setConnected(true));
    source.addEventListener('error', () => setConnected(false));
    source.addEventListener('snapshot', (event) => {
      const snapshot = JSON.parse((event as MessageEvent<string>).data) as Snapshot;
      setAgents(new Map(snapshot.agents.map((agent) => [agent.id, agent])));
      setClients(new Map(snapshot.clients.map((client) => [client.id, client.name])));
      setConnected(true);
    });
    source.addEventListener('agent', (event) => {
      const agent = JSON.parse((event as MessageEvent<string>).data) as WallboardAgent;
      setAgents((current) => {
        const next = new Map(current);
        if (agent.status === 'inactive') next.delete(agent.id);
        else next.set(agent.id, agent);
        return next;
      });
    });
    return () => source.close();
  }, [streamUrl]);

  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);

  const rows = useMemo(() => [...agents.values()].sort((a, b) => a.client_id.localeCompare(b.client_id) || a.extension.localeCompare(b.extension, undefined, { numeric: true })), [agents]);
  const counts = useMemo(() => rows.reduce<Record<string, number>>((all, agent) => ({ ...all, [agent.availability]: (all[agent.availability] ?? 0) + 1 }), {}), [rows]);

  return (
    <section aria-label="Wallboard" className="space-y-4">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className={connected ? 'text-emerald-800' : 'text-amber-800'} data-testid="wallboard-connection">
          {connected ? '● Live' : '○ Reconnecting…'}
        </span>
        {(Object.keys(availabilityLabel) as AvailabilityState[]).map((state) => (
          <Badge key={state} tone={availabilityTone[state]}>
            {availabilityLabel[state]}: {counts[state] ?? 0}
          </Badge>
        ))}
      </div>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">No active agents yet.</p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Agents and their live state</caption>
            <thead className="text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">Agent</th>
                {showClient ? <th scope="col" className="px-3 py-2 font-medium">Client</th> : null}
                <th scope="col" className="px-3 py-2 font-medium">Extension</th>
                <th scope="col" className="px-3 py-2 font-medium">State</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Time in state</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Calls today</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Talk time</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((agent) => (
                <tr key={agent.id} data-agent-id={agent.id}>
                  <th scope="row" className="px-3 py-2 font-medium text-slate-900">{agent.name}</th>
                  {showClient ? <td className="px-3 py-2 text-slate-700">{clients.get(agent.client_id) ?? '—'}</td> : null}
                  <td className="px-3 py-2 font-mono tabular-nums">{agent.extension}</td>
                  <td className="px-3 py-2" data-testid="agent-state">
                    <Badge tone={availabilityTone[agent.availability]}>{availabilityLabel[agent.availability]}</Badge>
                    {agent.queued_availability ? <span className="ml-1 text-xs text-slate-600">→ {agent.queued_availability}</span> : null}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatDuration((now - Date.parse(agent.availability_since)) / 1000)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{agent.calls_today}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatDuration(agent.talk_seconds_today)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
