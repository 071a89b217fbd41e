import type { Metadata } from 'next';
import { OutboxTable, type OutboxRow } from '@/components/outbox/outbox-table';
import { parseTableParams, type TablePageProps } from '@/lib/tables/table-params';
import { PageHeader } from '@/components/ui/page-header';
import { requireOperatorSession } from '@/lib/auth/session';
import { listOutboxForOperator } from '@/lib/messages/list-outbox';
import { partnerLabels } from '@/lib/partners/partner-labels';
import { getConfig } from '@/lib/config';

export const metadata: Metadata = { title: 'Outbox' };

export default async function OperatorOutboxPage({ searchParams }: TablePageProps) {
  const { ctx } = await requireOperatorSession();
  const { search } = parseTableParams(await searchParams, { sortable: ['createdAt'], defaultSort: { id: 'createdAt', desc: true } });
  const messages = await listOutboxForOperator(ctx, 100, { recipient: search || undefined });
  const partners = await partnerLabels(ctx, messages.flatMap((message) => (message.partnerId ? [message.partnerId] : [])));
  const rows: OutboxRow[] = messages.map((message) => {
    // A message without a partner is the platform's own, such as an operator's password-reset link.
    if (!message.partnerId) return { ...message, partner: getConfig().PLATFORM_NAME };
    const partner = partners.get(message.partnerId);
    return { ...message, partner: partner ? `${partner.name} (${partner.slug})` : message.partnerId };
  });
  return (
    <>
      <PageHeader
        title="Outbox"
        description="E-mails and SMS of every partner, newest first (the latest 100). Messages sent through the simulator can be read here; a real provider’s messages keep no body once sent."
      />
      <OutboxTable
        data={rows}
        withPartner
        search={search}
        searchLabel="Recipient (exact e-mail or +91… mobile)"
        emptyMessage={search ? 'No messages to this recipient.' : 'No messages yet.'}
      />
    </>
  );
}
