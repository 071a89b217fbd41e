import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ConfirmAction } from '@/components/console/confirm-action';
import { ActionForm } from '@/components/console/action-form';
import { SchedulePanel } from '@/components/schedules/schedule-panel';
import { PageHeader } from '@/components/ui/page-header';
import { SubmitButton } from '@/components/ui/submit-button';
import { NumberHealthCard } from '@/components/whatsapp/number-health-card';
import { requireConsoleSession } from '@/lib/auth/session';
import { AppError } from '@/lib/errors/app-error';
import { numberWithSchedule } from '@/lib/whatsapp/read-numbers';
import { addNumberHolidayAction, checkNumberAction, deleteNumberHolidayAction, setNumberHoursAction, unlinkNumberAction } from '../../actions';

export const metadata: Metadata = { title: 'WhatsApp number' };

export default async function WhatsappNumberPage({ params }: { params: Promise<{ numberId: string }> }) {
  const { numberId } = await params;
  const { dataCtx, user } = await requireConsoleSession();
  const { number, schedule } = await numberWithSchedule(dataCtx, numberId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const canEdit = user.role !== 'member' && number.status !== 'unlinked';
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/whatsapp" className="text-slate-600 underline-offset-2 hover:underline">
          ← WhatsApp
        </Link>
      </p>
      <PageHeader
        title={number.displayPhoneNumber}
        description={
          <>
            {number.verifiedName} · <Link href={`/clients/${number.clientId}/whatsapp`} className="underline">client</Link>
          </>
        }
        actions={
          canEdit ? (
            <>
              <ActionForm action={checkNumberAction}>
                <input type="hidden" name="numberId" value={number.id} />
                <SubmitButton variant="secondary" size="sm" pendingLabel="Checking…">
                  Check now
                </SubmitButton>
              </ActionForm>
              <ConfirmAction action={unlinkNumberAction} fields={{ numberId: number.id }} triggerLabel="Unlink" triggerVariant="secondary" triggerSize="sm" tone="danger" title={`Unlink ${number.displayPhoneNumber}?`} description="Its token is erased and its working hours removed. Link it again with a token to bring it back." confirmLabel="Unlink" />
            </>
          ) : null
        }
      />
      <div className="grid gap-6 xl:grid-cols-2">
        <NumberHealthCard number={number} />
        {number.status !== 'unlinked' ? <SchedulePanel subjectId={number.id} schedule={schedule} canEdit={canEdit} actions={{ setHours: setNumberHoursAction, addHoliday: addNumberHolidayAction, deleteHoliday: deleteNumberHolidayAction }} /> : null}
      </div>
    </>
  );
}
