import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Time } from '@/components/console/time';
import { NumberStatusBadge } from '@/components/numbers/number-status';
import { SchedulePanel } from '@/components/schedules/schedule-panel';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { PlainTable } from '@/components/ui/plain-table';
import { requireConsoleSession } from '@/lib/auth/session';
import { AppError } from '@/lib/errors/app-error';
import { getNumber } from '@/lib/numbers/client-numbers';
import { getNumberSchedule } from '@/lib/numbers/number-schedule';
import { numberTypeLabels } from '@/lib/numbers/number-types';
import { addNumberHolidayAction, deleteNumberHolidayAction, setNumberHoursAction } from '../actions';

export const metadata: Metadata = { title: 'Number' };

type Props = { params: Promise<{ numberId: string }> };

export default async function NumberPage({ params }: Props) {
  const { numberId } = await params;
  const { dataCtx, user } = await requireConsoleSession();
  const number = await getNumber(dataCtx, numberId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const schedule = number.status === 'quarantined' ? null : await getNumberSchedule(dataCtx, number.id);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/clients/${encodeURIComponent(number.clientId)}/numbers`} className="text-slate-600 underline-offset-2 hover:underline">
          ← The client’s numbers
        </Link>
      </p>
      <PageHeader title={number.display} description={`${numberTypeLabels[number.type]} · ${number.regionName}`} actions={<NumberStatusBadge status={number.status} />} />
      <div className="space-y-6">
        {schedule ? (
          <SchedulePanel subjectId={number.id} schedule={schedule.schedule} canEdit={user.role !== 'member'} actions={{ setHours: setNumberHoursAction, addHoliday: addNumberHolidayAction, deleteHoliday: deleteNumberHolidayAction }} />
        ) : null}
        <Card title="History" description="Every client that had this number, and when.">
          <PlainTable caption="Assignment history" columns={[{ label: 'Client' }, { label: 'From' }, { label: 'Until' }, { label: 'Status' }]}>
            {number.history.map((h) => (
              <tr key={h.id} className="border-b border-slate-100">
                <td className="py-2">
                  <Link href={`/clients/${encodeURIComponent(h.clientId)}`} className="underline-offset-2 hover:underline">{h.clientId}</Link>
                </td>
                <td className="py-2"><Time value={h.assignedAt} /></td>
                <td className="py-2"><Time value={h.releasedAt} /></td>
                <td className="py-2">{h.status}{h.releaseReason ? ` (${h.releaseReason.replace('_', ' ')})` : ''}</td>
              </tr>
            ))}
          </PlainTable>
        </Card>
      </div>
    </>
  );
}
