import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ClientChannelsCard } from '@/components/channels/client-channels-card';
import { ClientTabs } from '@/components/clients/client-tabs';
import { PageHeader } from '@/components/ui/page-header';
import { requireConsoleSession } from '@/lib/auth/session';
import { listChannels } from '@/lib/channels/manage-channels';
import { getClient } from '@/lib/clients/manage-clients';
import { AppError } from '@/lib/errors/app-error';

export const metadata: Metadata = { title: 'WhatsApp' };

export default async function ClientWhatsAppPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { dataCtx } = await requireConsoleSession();
  const { clientId } = await params;
  const client = await getClient(dataCtx, clientId).catch((error) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const channels = await listChannels(dataCtx, { limit: 50, clientId: client.id });
  return (
    <>
      <PageHeader title={client.name} description="WhatsApp" />
      <ClientTabs clientId={client.id} />
      <div className="grid gap-6">
        <ClientChannelsCard channels={channels.data} hasMore={channels.has_more} />
      </div>
    </>
  );
}
