import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ScheduleSummary } from '@/components/portal/schedule-summary';
import { NumberHealthCard } from '@/components/whatsapp/number-health-card';
import { requirePortalSession } from '@/lib/auth/portal-session';
import { AppError } from '@/lib/errors/app-error';
import { portalWhatsappNumber } from '@/lib/portal/portal-services';

export const metadata: Metadata = { title: 'WhatsApp number' };

/** One of the client's WhatsApp numbers: its health and hours. Another client's is the neutral 404. */
export default async function PortalWhatsappNumberPage({ params }: { params: Promise<{ numberId: string }> }) {
  const { ctx } = await requirePortalSession();
  const { numberId } = await params;
  const { number, schedule } = await portalWhatsappNumber(ctx, numberId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  return (
    <>
      <p className="text-sm">
        <Link href="/account/whatsapp" className="text-slate-600 underline-offset-2 hover:underline">
          ← WhatsApp numbers
        </Link>
      </p>
      <div>
        <h1 className="text-2xl font-semibold" data-testid="portal-whatsapp-title">
          {number.displayPhoneNumber}
        </h1>
        <p className="text-slate-600">{number.verifiedName}</p>
      </div>
      <NumberHealthCard number={number} />
      {number.status === 'unlinked' ? <p className="text-sm text-slate-600">This number was unlinked.</p> : <ScheduleSummary schedule={schedule} />}
    </>
  );
}
