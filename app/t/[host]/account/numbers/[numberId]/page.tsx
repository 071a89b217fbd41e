import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Time } from '@/components/console/time';
import { NumberStatusBadge } from '@/components/numbers/number-status';
import { ScheduleSummary } from '@/components/portal/schedule-summary';
import { Card } from '@/components/ui/card';
import { requirePortalSession } from '@/lib/auth/portal-session';
import { AppError } from '@/lib/errors/app-error';
import { numberTypeLabels } from '@/lib/numbers/number-types';
import { portalNumber } from '@/lib/portal/portal-services';

export const metadata: Metadata = { title: 'Number' };

/** One of the client's numbers and its hours; another client's is the neutral 404. */
export default async function PortalNumberPage({ params }: { params: Promise<{ numberId: string }> }) {
  const { ctx } = await requirePortalSession();
  const { numberId } = await params;
  const { number, schedule } = await portalNumber(ctx, decodeURIComponent(numberId)).catch((error: unknown) => {
    if (error instanceof AppError && (error.code === 'not_found' || error.code === 'validation_failed')) notFound();
    throw error;
  });
  return (
    <>
      <p className="text-sm">
        <Link href="/account/numbers" className="text-slate-600 underline-offset-2 hover:underline">
          ← Numbers
        </Link>
      </p>
      <h1 className="text-2xl font-semibold" data-testid="portal-number-title">
        {number.display}
      </h1>
      <Card title="Number">
        <dl className="grid grid-cols-[8rem_1fr] gap-2 text-sm">
          <dt className="text-slate-600">Status</dt>
          <dd>
            <NumberStatusBadge status={number.status} />
            {number.graceEndsAt && number.status === 'active' ? (
              <p className="mt-1 text-red-700">
                Its rental is unpaid: it is suspended after <Time value={number.graceEndsAt} /> unless your wallet can pay it.
              </p>
            ) : null}
          </dd>
          <dt className="text-slate-600">Type</dt>
          <dd>{numberTypeLabels[number.type]}</dd>
          <dt className="text-slate-600">Region</dt>
          <dd>{number.regionName}</dd>
          <dt className="text-slate-600">Yours since</dt>
          <dd>{number.assignedAt ? <Time value={number.assignedAt} /> : '—'}</dd>
        </dl>
      </Card>
      {number.status === 'quarantined' ? <p className="text-sm text-slate-600">This number was released; it has no working hours now.</p> : <ScheduleSummary schedule={schedule} />}
    </>
  );
}
