import type { Metadata } from 'next';
import Link from 'next/link';
import { Money } from '@/components/billing/money';
import { ActionForm, ActionSelectField, ActionTextField } from '@/components/console/action-form';
import { Time } from '@/components/console/time';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { SubmitButton } from '@/components/ui/submit-button';
import { requireOperatorSession } from '@/lib/auth/session';
import { openSessionsForOperator } from '@/lib/masking/operator-simulator';
import { simulateCallAction } from './actions';

export const metadata: Metadata = { title: 'Call simulator' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const parties = [
  { value: 'first_party', label: 'First party calls' },
  { value: 'second_party', label: 'Second party calls' },
];

export default async function OperatorCallSimulatorPage({ searchParams }: Props) {
  const { ctx } = await requireOperatorSession();
  const query = await searchParams;
  const partnerId = typeof query.partner === 'string' && query.partner ? query.partner : undefined;
  const sessions = await openSessionsForOperator(ctx, { partnerId });
  return (
    <>
      <PageHeader
        title="Call simulator"
        description="Call a masking session’s virtual number from one of its parties without a carrier: the simulator runs the bridge and writes both legs, charged and reported as a real call would be (records, call.completed, callbacks)."
      />
      <Card title="Open masking sessions" description={partnerId ? 'One partner’s sessions, soonest to expire first.' : 'Every partner’s open sessions, soonest to expire first (the first 50).'}>
        {partnerId ? (
          <Link href="/admin/masking" className="mb-3 inline-block text-sm underline">
            All partners
          </Link>
        ) : null}
        {sessions.length ? (
          <ul className="divide-y divide-slate-100">
            {sessions.map((s) => (
              <li key={s.id} className="space-y-2 py-3" data-testid={`simulate-${s.id}`}>
                <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
                  <span>
                    <Link href={`/admin/masking?partner=${encodeURIComponent(s.partnerId)}`} className="font-medium underline-offset-2 hover:underline">
                      {s.partnerName}
                    </Link>{' '}
                    · {s.clientName} · <span className="font-mono text-xs">{s.virtualNumber}</span>
                  </span>
                  <span className="flex items-center gap-2">
                    {s.live ? <Badge tone="warning">live: charges are real</Badge> : <Badge tone="neutral">sandbox</Badge>}
                    <Badge tone={s.status === 'in_progress' ? 'success' : 'neutral'}>{s.status.replace('_', ' ')}</Badge>
                  </span>
                </div>
                <div className="text-xs text-slate-600">
                  <span className="font-mono">{s.id}</span> · {s.firstParty} ↔ {s.secondParty} · expires <Time value={s.expiresAt} /> · {s.totalCallCount} calls, <Money value={s.totalAmount} />
                </div>
                <ActionForm action={simulateCallAction} className="flex flex-wrap items-end gap-3">
                  <input type="hidden" name="sessionId" value={s.id} />
                  <ActionSelectField label="Who calls the virtual number" name="from" options={parties} />
                  <ActionTextField label="Talk time (s)" name="duration_seconds" defaultValue="125" inputMode="numeric" hint="0 for an unanswered call." />
                  <SubmitButton size="sm" pendingLabel="Calling…">
                    Call the virtual number
                  </SubmitButton>
                </ActionForm>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">No open masking session{partnerId ? ' for this partner' : ''}. Sessions are created in a partner’s console (Masking) or over REST.</p>
        )}
      </Card>
    </>
  );
}
