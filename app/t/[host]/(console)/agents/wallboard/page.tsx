import type { Metadata } from 'next';
import { Wallboard } from '@/components/agents/wallboard';
import { buttonClasses } from '@/components/ui/button';
import { clientChoices } from '@/lib/agents/form-choices';
import { getWallboard } from '@/lib/agents/wallboard';
import { requireConsoleSession } from '@/lib/auth/session';
import type { SearchParams } from '@/lib/tables/table-params';
import { ClientFilterField } from '@/components/agents/client-filter-field';

export const metadata: Metadata = { title: 'Wallboard' };

export default async function WallboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { dataCtx } = await requireConsoleSession();
  const wanted = (await searchParams).client;
  const clients = await clientChoices(dataCtx);
  const clientId = clients.find((client) => client.id === (Array.isArray(wanted) ? wanted[0] : wanted))?.id;
  const board = await getWallboard(dataCtx, { clientId });
  const streamUrl = `/agents/wallboard/stream${clientId ? `?client=${encodeURIComponent(clientId)}` : ''}`;
  return (
    <div className="space-y-4">
      <form method="get" role="search" aria-label="Choose a client" className="flex items-end gap-3">
        <ClientFilterField clients={clients} value={clientId} />
        <button type="submit" className={buttonClasses({ variant: 'secondary' })}>
          Show
        </button>
      </form>
      <Wallboard key={streamUrl} streamUrl={streamUrl} initial={board} showClient={!clientId} />
    </div>
  );
}
