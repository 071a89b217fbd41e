import type { Metadata } from 'next';
import { OutboxTable } from '@/components/outbox/outbox-table';
import { parseTableParams, type TablePageProps } from '@/lib/tables/table-params';
import { requireConsoleSession } from '@/lib/auth/session';
import { listPartnerOutbox } from '@/lib/messages/list-outbox';
import { liveMessageProviders } from '@/lib/messages/providers';

export const metadata: Metadata = { title: 'Outbox' };

export default async function OutboxPage({ searchParams }: TablePageProps) {
  const { dataCtx, environment } = await requireConsoleSession();
  const heading = (
    <div>
      <h2 id="outbox-heading" className="text-lg font-semibold">Outbox</h2>
      <p className="text-sm text-slate-600">
        The e-mails and SMS your sandbox sent — one-time codes and notices — newest first, so you can test onboarding without a real inbox or phone.
      </p>
    </div>
  );
  // Live bodies (which may carry codes) are never shown to partner staff: a real provider sends them, or, where
  // none is configured, only the operator's outbox keeps them.
  if (environment === 'live') {
    const providers = liveMessageProviders();
    const via = (provider: string, kind: string) =>
      provider === 'simulator' ? `no ${kind} provider is configured, so live ${kind} messages are held in the platform operator’s outbox` : `live ${kind} messages go out by ${provider.toUpperCase()}`;
    return (
      <section aria-labelledby="outbox-heading" className="space-y-4">
        {heading}
        <p className="rounded-md border border-slate-200 bg-white px-4 py-3 text-sm text-slate-700" data-testid="outbox-live-note">
          The outbox shows test-mode messages only. Switch on <strong>Test mode</strong> to see what your sandbox sent. Messages to live clients are not
          kept here: {via(providers.email, 'e-mail')}; {via(providers.sms, 'SMS')}.
        </p>
      </section>
    );
  }
  const { search } = parseTableParams(await searchParams, { sortable: ['createdAt'], defaultSort: { id: 'createdAt', desc: true } });
  const messages = await listPartnerOutbox(dataCtx, { recipient: search || undefined });
  return (
    <section aria-labelledby="outbox-heading" className="space-y-4">
      {heading}
      <OutboxTable
        data={messages}
        search={search}
        searchLabel="Recipient (exact e-mail or +91… mobile)"
        emptyMessage={search ? 'No messages to this recipient.' : 'Nothing sent yet in test mode.'}
      />
    </section>
  );
}
