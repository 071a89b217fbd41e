import type { Metadata } from 'next';
import { OutboxTable, type OutboxRow } from '@/components/outbox/outbox-table';
import { PageHeader } from '@/components/ui/page-header';
import { requireOperatorSession } from '@/lib/auth/session';
import { listOutboxForOperator } from '@/lib/messages/list-outbox';
import { partnerLabels } from '@/lib/partners/partner-labels';

export const metadata: Metadata = { title: 'Outbox' };

export default async function OperatorOutboxPage() {
  const { ctx } = await requireOperatorSession();
  const messages = await listOutboxForOperator(ctx);
  const partners = await partnerLabels(ctx, messages.map((message) => message.partnerId));
  const rows: OutboxRow[] = messages.map((message) => {
    const partner = partners.get(message.partnerId);
    return { ...message, partner: partner ? `${partner.name} (${partner.slug})` : message.partnerId };
  });
  return (
    <>
      <PageHeader
        title="Outbox"
        description="E-mails and SMS of every partner, newest first (the latest 100). Messages sent through the simulator can be read here; a real provider’s messages keep no body once sent."
      />
      <OutboxTable data={rows} withPartner emptyMessage="No messages yet." />
    </>
  );
}
