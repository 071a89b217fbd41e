import type { Metadata } from 'next';
import Link from 'next/link';
import { Money } from '@/components/billing/money';
import { ActionForm, ActionSelectField, ActionTextField } from '@/components/console/action-form';
import { Time } from '@/components/console/time';
import { StatusBadge } from '@/components/masking/session-status-badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { PlainTable } from '@/components/ui/plain-table';
import { SubmitButton } from '@/components/ui/submit-button';
import { requireConsoleSession } from '@/lib/auth/session';
import { listClients } from '@/lib/clients/manage-clients';
import { PoolSettingsForm } from '@/components/masking/pool-settings-form';
import { maskingPoolsOverview } from '@/lib/masking/pool';
import { poolSettingsForClients } from '@/lib/masking/pool-settings';
import { numberTypeLabels, numberTypes } from '@/lib/numbers/number-types';
import { numberRegions } from '@/lib/numbers/search-numbers';
import { listMaskingSessions } from '@/lib/masking/sessions';
import { createMaskingSessionAction, setNumberMaskingAction, setPoolSettingsAction } from './actions';

export const metadata: Metadata = { title: 'Masking' };

const statuses = ['active', 'in_progress', 'expired', 'ended'] as const;
type Status = (typeof statuses)[number];

export default async function MaskingPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const { dataCtx, user, environment } = await requireConsoleSession();
  const status = statuses.includes(params.status as Status) ? (params.status as Status) : undefined;
  const cursor = params.after && params.after.length <= 64 ? params.after : undefined;
  const [page, pools, activeClients] = await Promise.all([listMaskingSessions(dataCtx, { status, limit: 20, starting_after: cursor }), maskingPoolsOverview(dataCtx), listClients(dataCtx, { status: 'active', limit: 100 })]);
  const poolSettings = await poolSettingsForClients(dataCtx, activeClients.data.map((c) => c.id));
  const regionOptions = numberRegions().map((r) => ({ value: r.code, label: r.name }));
  const typeOptions = numberTypes.map((t) => ({ value: t, label: numberTypeLabels[t] }));
  const filterHref = (value?: Status) => (value ? `/masking?status=${value}` : '/masking');
  const last = page.data.at(-1);
  return (
    <>
      <PageHeader
        title="Masking"
        description="Bridge two parties over a number from the client’s masking pool, so neither sees the other’s number. Calls are billed per minute at your masking price."
        actions={<Link href="/masking/calls" className="text-sm font-medium underline">Call records</Link>}
      />
      <Card title="Sessions">
        <nav aria-label="Filter by status" className="mb-3 flex flex-wrap gap-3 text-sm">
          <Link href={filterHref()} aria-current={!status ? 'page' : undefined} className={!status ? 'font-semibold' : 'underline'}>All</Link>
          {statuses.map((s) => (
            <Link key={s} href={filterHref(s)} aria-current={status === s ? 'page' : undefined} className={status === s ? 'font-semibold' : 'underline'}>{s.replace('_', ' ')}</Link>
          ))}
        </nav>
        {page.data.length ? (
          <div className="overflow-x-auto">
            <PlainTable caption="Masking sessions" columns={[{ label: 'Session' }, { label: 'Virtual number' }, { label: 'Parties' }, { label: 'Status' }, { label: 'Expires' }, { label: 'Calls', align: 'right' }, { label: 'Cost', align: 'right' }]}>
              {page.data.map((s) => (
                <tr key={s.id} className="border-b border-slate-100">
                  <td className="py-2"><Link href={`/masking/${s.id}`} className="font-mono text-xs underline">{s.id}</Link></td>
                  <td className="py-2 font-mono text-xs">{s.virtualNumber}</td>
                  <td className="py-2 font-mono text-xs">{s.firstParty} ↔ {s.secondParty}</td>
                  <td className="py-2"><StatusBadge status={s.status} /></td>
                  <td className="py-2"><Time value={s.endedAt ?? s.expiresAt} /></td>
                  <td className="py-2 text-right">{s.totalCallCount}</td>
                  <td className="py-2 text-right"><Money value={s.totalAmount} /></td>
                </tr>
              ))}
            </PlainTable>
          </div>
        ) : (
          <p className="text-sm text-slate-600">No sessions{status ? ` with status ${status.replace('_', ' ')}` : ''} yet.</p>
        )}
        {page.has_more && last ? <Link href={`${filterHref(status)}${status ? '&' : '?'}after=${last.id}`} className="mt-3 inline-block text-sm underline">Older sessions</Link> : null}
      </Card>
      {user.role !== 'member' ? (
        <Card title="New session" className="mt-6" description={environment === 'test' ? 'Test mode: calls go through the call simulator on the session’s page.' : 'Calls reach the parties through your carrier.'}>
          {activeClients.data.length ? (
            <ActionForm action={createMaskingSessionAction} className="space-y-3">
              <ActionSelectField label="Client" name="client_id" options={activeClients.data.map((c) => ({ value: c.id, label: c.name }))} required />
              <div className="grid gap-3 sm:grid-cols-2">
                <ActionTextField label="First party" name="first_party" placeholder="+919812345678" inputMode="tel" required />
                <ActionTextField label="Second party" name="second_party" placeholder="+919898765432" inputMode="tel" required />
              </div>
              <div className="grid gap-3 sm:grid-cols-3">
                <ActionTextField label="Session expiry (s)" name="session_expiry" defaultValue="3600" inputMode="numeric" />
                <ActionTextField label="Call time limit (s)" name="call_time_limit" defaultValue="3600" inputMode="numeric" />
                <ActionTextField label="Ring timeout (s)" name="ring_timeout" defaultValue="120" inputMode="numeric" />
              </div>
              <ActionTextField label="Callback URL" name="callback_url" placeholder="https://example.com/masking/callback" hint="Optional: the session’s changes and calls are posted here, signed." />
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="record" /> Record calls (both parties hear a consent prompt first)
              </label>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="initiate_call_to_first_party" /> Call the first party as soon as the session opens
              </label>
              <SubmitButton>Create session</SubmitButton>
            </ActionForm>
          ) : (
            <p className="text-sm text-slate-600">No active client yet: a client needs completed KYC and numbers in its masking pool.</p>
          )}
        </Card>
      ) : null}
      {user.role !== 'member' && activeClients.data.length ? (
        <Card title="Pool auto-buy" className="mt-6" description="When a new session finds a client’s pool exhausted, auto-buy buys the numbers it needs from the inventory and opens the session; off, the session is refused with how many numbers the pool needs.">
          <div className="divide-y divide-slate-100">
            {activeClients.data.map((c) => {
              const settings = poolSettings.get(c.id)!;
              return (
                <details key={c.id} className="py-2" data-testid={`pool-settings-${c.id}`}>
                  <summary className="cursor-pointer text-sm">
                    <span className="font-medium">{c.name}</span> — auto-buy {settings.autoBuy ? `on, up to ${settings.maxPoolSize} numbers` : 'off'}
                  </summary>
                  <div className="mt-3">
                    <PoolSettingsForm clientId={c.id} clientName={c.name} settings={settings} regions={regionOptions} types={typeOptions} action={setPoolSettingsAction} />
                  </div>
                </details>
              );
            })}
          </div>
        </Card>
      ) : null}
      <Card title="Masking pools" className="mt-6" description="Each client’s numbers used for masking. A party reaches one open session per number, so a pool needs as many numbers as its busiest party has sessions at once.">
        {pools.length ? (
          <PlainTable caption="Masking pool numbers" columns={[{ label: 'Client' }, { label: 'Number' }, { label: 'Open sessions', align: 'right' }, { label: '' }]}>
            {pools.map((n) => (
              <tr key={n.numberId} className="border-b border-slate-100">
                <td className="py-2">{n.clientName}</td>
                <td className="py-2 font-mono text-xs">{n.e164}</td>
                <td className="py-2 text-right">{n.openSessions}</td>
                <td className="py-2 text-right">
                  {user.role !== 'member' && n.openSessions === 0 ? (
                    <ActionForm action={setNumberMaskingAction}>
                      <input type="hidden" name="number" value={n.numberId} />
                      <input type="hidden" name="masking" value="false" />
                      <SubmitButton size="sm" variant="ghost" aria-label={`Take ${n.e164} out of the pool`}>Take out</SubmitButton>
                    </ActionForm>
                  ) : null}
                </td>
              </tr>
            ))}
          </PlainTable>
        ) : (
          <p className="text-sm text-slate-600">No client has numbers in a masking pool yet. Put an active number in its client’s pool from Numbers (“Use for masking”), or turn on auto-buy.</p>
        )}
      </Card>
    </>
  );
}
