import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ClientChannelsCard } from '@/components/channels/client-channels-card';
import { ClientTabs } from '@/components/clients/client-tabs';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { LinkNumberForm } from '@/components/whatsapp/link-number-form';
import { WhatsappNumbersTable } from '@/components/whatsapp/numbers-table';
import { WhatsappSimulatorHints } from '@/components/whatsapp/simulator-hints';
import { requireConsoleSession } from '@/lib/auth/session';
import { listChannels } from '@/lib/channels/manage-channels';
import { getClient } from '@/lib/clients/manage-clients';
import { AppError } from '@/lib/errors/app-error';
import { parseCursorParams, type SearchParams } from '@/lib/tables/table-params';
import { whatsappNumbersPage } from '@/lib/whatsapp/console-pages';
import { linkNumberAction } from '../../../whatsapp/actions';

export const metadata: Metadata = { title: 'WhatsApp' };

type Props = { params: Promise<{ clientId: string }>; searchParams: Promise<SearchParams> };

export default async function ClientWhatsappPage({ params, searchParams }: Props) {
  const { clientId } = await params;
  const { dataCtx, user, environment } = await requireConsoleSession();
  const client = await getClient(dataCtx, clientId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const page = await whatsappNumbersPage(dataCtx, parseCursorParams(await searchParams), { clientId: client.id });
  const channels = await listChannels(dataCtx, { limit: 50, clientId: client.id });
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/clients" className="text-slate-600 underline-offset-2 hover:underline">
          ← Clients
        </Link>
      </p>
      <PageHeader title={client.name} description={client.email} />
      <ClientTabs clientId={client.id} />
      <Card title="WhatsApp numbers">
        <WhatsappNumbersTable items={page.items} />
      </Card>
      {user.role !== 'member' ? (
        <Card title="Link a number" description="Meta checks the phone number id and the token before anything is saved." className="mt-6">
          {environment === 'test' || page.simulated ? (
            <div className="mb-4">
              <WhatsappSimulatorHints />
            </div>
          ) : null}
          <LinkNumberForm action={linkNumberAction} clients={{ fixed: client.id }} />
        </Card>
      ) : null}
      <div className="mt-6">
        <ClientChannelsCard channels={channels.data} hasMore={channels.has_more} />
      </div>
    </>
  );
}
