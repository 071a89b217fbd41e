import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Money } from '@/components/billing/money';
import { ActionForm, ActionSelectField, ActionTextField } from '@/components/console/action-form';
import { Time } from '@/components/console/time';
import { LegsTable } from '@/components/masking/legs-table';
import { StatusBadge } from '@/components/masking/session-status-badge';
import { ConfirmAction } from '@/components/console/confirm-action';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { SubmitButton } from '@/components/ui/submit-button';
import { requireConsoleSession } from '@/lib/auth/session';
import { listSessionLegs } from '@/lib/calls/call-records';
import { AppError } from '@/lib/errors/app-error';
import { getMaskingSession } from '@/lib/masking/sessions';
import { cancelMaskingSessionAction, extendMaskingSessionAction, simulateMaskingCallAction } from '../actions';

export const metadata: Metadata = { title: 'Masking session' };

export default async function MaskingSessionPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  const { dataCtx, user, environment } = await requireConsoleSession();
  const session = await getMaskingSession(dataCtx, sessionId).catch((error) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const legs = await listSessionLegs(dataCtx, session.id, { limit: 100 });
  const open = session.status === 'active' || session.status === 'in_progress';
  const canChange = user.role !== 'member' && open;
  const rows: [string, React.ReactNode][] = [
    ['Status', <StatusBadge key="s" status={session.status} />],
    ['Virtual number', <span key="v" className="font-mono">{session.virtualNumber}</span>],
    ['First party', <span key="a" className="font-mono">{session.firstParty}</span>],
    ['Second party', <span key="b" className="font-mono">{session.secondParty}</span>],
    [open ? 'Expires' : 'Closed', <Time key="e" value={open ? session.expiresAt : session.endedAt} />],
    ['Call time limit', `${session.callTimeLimit} s`],
    ['Ring timeout', `${session.ringTimeout} s`],
    ['Recording', session.record ? `On — prompt: “${session.consentPrompt}”` : 'Off'],
    ['Calls', String(session.totalCallCount)],
    ['Cost', <Money key="c" value={session.totalAmount} />],
  ];
  return (
    <>
      <PageHeader title={`Session ${session.virtualNumber}`} description={<Link href="/masking" className="underline">All sessions</Link>} />
      <Card title="Session">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-600">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {!open ? <p className="mt-3 text-sm text-slate-600">This session has closed: the parties’ numbers are shown masked from now on.</p> : null}
      </Card>
      {canChange && environment === 'test' ? (
        <Card title="Call simulator" className="mt-6" description="Call the virtual number from one party: the bridge rings the other and both legs are recorded and billed as real calls. A called number ending in 0002 does not answer, 0003 is busy.">
          <ActionForm action={simulateMaskingCallAction} className="flex flex-col gap-3 sm:flex-row sm:items-end">
            <input type="hidden" name="session_id" value={session.id} />
            <ActionSelectField label="Caller" name="from" options={[{ value: 'first_party', label: 'First party calls' }, { value: 'second_party', label: 'Second party calls' }]} />
            <ActionTextField label="Talk time (s)" name="duration_seconds" defaultValue="125" inputMode="numeric" fieldClassName="sm:w-40" />
            <SubmitButton>Call the virtual number</SubmitButton>
          </ActionForm>
        </Card>
      ) : null}
      {canChange ? (
        <Card title="Change" className="mt-6">
          <ActionForm action={extendMaskingSessionAction} className="flex flex-col gap-3 sm:flex-row sm:items-end">
            <input type="hidden" name="session_id" value={session.id} />
            <ActionTextField label="Expire in (s from now)" name="session_expiry" defaultValue="3600" inputMode="numeric" fieldClassName="sm:w-48" />
            <SubmitButton variant="secondary">Extend</SubmitButton>
          </ActionForm>
          <div className="mt-4">
            <ConfirmAction action={cancelMaskingSessionAction} fields={{ session_id: session.id }} triggerLabel="End session" tone="danger" title="End this session?" description="Its virtual number stops bridging these parties now, and their numbers are masked from then on." confirmLabel="End session" />
          </div>
        </Card>
      ) : null}
      <Card title="Call legs" className="mt-6">
        <LegsTable legs={legs.data} caption="Call legs of this session" />
      </Card>
    </>
  );
}
