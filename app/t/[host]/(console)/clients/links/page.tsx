import type { Metadata } from 'next';
import { ClientsTabs } from '@/components/clients/clients-tabs';
import { LinksTable, type LinkTableRow } from '@/components/clients/links-table';
import { ActionForm, ActionTextField } from '@/components/console/action-form';
import { ShownOnceSecret } from '@/components/console/secret-box';
import { Card } from '@/components/ui/card';
import { cursorPagination, parseCursorParams, parseTableParams, type TablePageProps } from '@/lib/tables/table-params';
import { PageHeader } from '@/components/ui/page-header';
import { SubmitButton } from '@/components/ui/submit-button';
import { requireConsoleSession } from '@/lib/auth/session';
import { summariseRegistrations } from '@/lib/onboarding/client-kyc';
import { listOnboardingLinks } from '@/lib/onboarding/onboarding-links';
import { createLinkAction, revokeLinkAction } from './actions';

export const metadata: Metadata = { title: 'Onboarding links' };

export default async function OnboardingLinksPage({ searchParams }: TablePageProps) {
  const { dataCtx, environment } = await requireConsoleSession();
  const query = await searchParams;
  const params = parseTableParams(query, { sortable: ['createdAt'], defaultSort: { id: 'createdAt', desc: true }, pageSizes: [20, 50, 100] });
  const cursor = parseCursorParams(query);
  const links = await listOnboardingLinks(dataCtx, { limit: params.pageSize, ...cursor });
  const registrations = await summariseRegistrations(dataCtx, links.data.flatMap((link) => (link.registration_id ? [link.registration_id] : [])));
  const rows: LinkTableRow[] = links.data.map((link) => {
    const registration = link.registration_id ? registrations.get(link.registration_id) : undefined;
    const recipient = [link.prefill.name, link.prefill.email, link.prefill.mobile].filter(Boolean).join(' · ');
    return {
      id: link.id,
      status: link.status,
      recipient: recipient || null,
      note: link.note,
      registration: registration ? { id: registration.id, name: registration.name, status: registration.status } : null,
      clientId: link.client_id ?? registration?.clientId ?? null,
      expiresAt: link.expires_at,
      createdAt: link.created_at,
    };
  });

  return (
    <>
      <PageHeader
        title="Clients"
        description={`Hosted onboarding links${environment === 'test' ? ' for your sandbox' : ''}: the prospect registers and completes KYC on your domain, in your brand.`}
      />
      <ClientsTabs />
      <Card title="Send an onboarding link" description="Fill in what you know; the prospect can correct it. Each link makes one registration.">
        <ActionForm action={createLinkAction} toastSuccess={false} className="grid gap-4 sm:grid-cols-3">
          <div className="sm:col-span-3"><ShownOnceSecret /></div>
          <ActionTextField label="Name" name="prefill.name" autoComplete="off" maxLength={100} />
          <ActionTextField label="E-mail" name="prefill.email" type="email" autoComplete="off" />
          <ActionTextField label="Mobile" name="prefill.mobile" type="tel" autoComplete="off" maxLength={20} placeholder="9876543210" />
          <ActionTextField label="Expires after (days)" name="expires_in_days" type="number" min={1} max={30} defaultValue="7" required />
          <ActionTextField label="Note" name="note" autoComplete="off" maxLength={200} hint="Only your team sees it." fieldClassName="sm:col-span-2" />
          <div className="sm:col-span-3"><SubmitButton pendingLabel="Creating…">Create link</SubmitButton></div>
        </ActionForm>
      </Card>
      <section aria-labelledby="links-heading" className="mt-6 space-y-3">
        <h2 id="links-heading" className="text-lg font-semibold">Links</h2>
        <LinksTable
          data={rows}
          total={rows.length}
          page={1}
          pageSize={params.pageSize}
          sort={params.sort}
          pageSizes={[20, 50, 100]}
          cursor={cursorPagination(cursor, links)}
          revokeAction={revokeLinkAction}
          emptyMessage={`No links yet${environment === 'test' ? ' in test mode' : ''}.`}
        />
      </section>
    </>
  );
}
