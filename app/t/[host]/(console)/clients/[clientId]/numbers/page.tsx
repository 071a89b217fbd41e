import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ClientTabs } from '@/components/clients/client-tabs';
import { NumbersTable } from '@/components/numbers/numbers-table';
import { setNumberMaskingAction } from '../../../masking/actions';
import { buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireConsoleSession } from '@/lib/auth/session';
import { getClient } from '@/lib/clients/manage-clients';
import { AppError } from '@/lib/errors/app-error';
import { listNumbers } from '@/lib/numbers/client-numbers';
import { recallNumberAction, releaseNumberAction } from '../../../numbers/actions';

export const metadata: Metadata = { title: 'Client numbers' };

type Props = { params: Promise<{ clientId: string }> };

export default async function ClientNumbersPage({ params }: Props) {
  const { clientId } = await params;
  const { dataCtx, user } = await requireConsoleSession();
  const client = await getClient(dataCtx, clientId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const numbers = await listNumbers(dataCtx, { clientId: client.id, limit: 100 });
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/clients" className="text-slate-600 underline-offset-2 hover:underline">
          ← Clients
        </Link>
      </p>
      <PageHeader title={client.name} description={client.email} actions={<Link href="/numbers" className={buttonClasses({ variant: 'secondary' })}>Find a number</Link>} />
      <ClientTabs clientId={client.id} />
      <Card title="Numbers" description="Status, and whether each number is open now by its working hours and holidays.">
        <NumbersTable numbers={numbers.data} canManage={user.role !== 'member'} releaseAction={releaseNumberAction} recallAction={recallNumberAction} maskingAction={setNumberMaskingAction} />
      </Card>
    </>
  );
}
