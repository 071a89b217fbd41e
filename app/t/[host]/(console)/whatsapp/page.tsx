import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { LinkNumberForm } from '@/components/whatsapp/link-number-form';
import { WhatsappNumbersTable } from '@/components/whatsapp/numbers-table';
import { WhatsappSimulatorHints } from '@/components/whatsapp/simulator-hints';
import { requireConsoleSession } from '@/lib/auth/session';
import { parseCursorParams, type SearchParams } from '@/lib/tables/table-params';
import { whatsappNumbersPage } from '@/lib/whatsapp/console-pages';
import { linkNumberAction } from './actions';

export const metadata: Metadata = { title: 'WhatsApp' };

export default async function WhatsappPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { dataCtx, user, environment } = await requireConsoleSession();
  const page = await whatsappNumbersPage(dataCtx, parseCursorParams(await searchParams));
  return (
    <>
      <PageHeader title="WhatsApp" description="Cloud API numbers of your clients: verified with Meta, watched daily for health and token expiry, with working hours." />
      <Card title="Numbers">
        <WhatsappNumbersTable items={page.items} clientNames={page.clientNames} />
        {page.nextCursor ? (
          <p className="mt-3 text-sm">
            <a href={`/whatsapp?starting_after=${page.nextCursor}`} className="underline">
              Older numbers →
            </a>
          </p>
        ) : null}
      </Card>
      {user.role !== 'member' ? (
        <Card title="Link a number" description="Meta checks the phone number id and the token before anything is saved." className="mt-6">
          {environment === 'test' || page.simulated ? (
            <div className="mb-4">
              <WhatsappSimulatorHints />
            </div>
          ) : null}
          {page.clients.length ? <LinkNumberForm action={linkNumberAction} clients={page.clients} /> : <p className="text-sm text-slate-600">Add a client first: numbers are linked to a client.</p>}
        </Card>
      ) : null}
    </>
  );
}
