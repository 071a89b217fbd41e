import type { Metadata } from 'next';
import Link from 'next/link';
import { ClientsTabs } from '@/components/clients/clients-tabs';
import { nextStepLabels, registrationStageFilter, registrationStageLabels } from '@/components/clients/registration-stages';
import { RegistrationsTable, type RegistrationTableRow } from '@/components/clients/registrations-table';
import { ageOf } from '@/components/console/age';
import { buttonClasses } from '@/components/ui/button';
import { cursorPagination, parseCursorParams, parseTableParams, type TablePageProps } from '@/lib/tables/table-params';
import { PageHeader } from '@/components/ui/page-header';
import { requireConsoleSession } from '@/lib/auth/session';
import { listRegistrations, stageOf } from '@/lib/onboarding/registration-queries';
import { cancelRegistrationAction } from './actions';

export const metadata: Metadata = { title: 'Pending registrations' };

const filters = [registrationStageFilter] as const;

export default async function PendingRegistrationsPage({ searchParams }: TablePageProps) {
  const { dataCtx, environment } = await requireConsoleSession();
  const query = await searchParams;
  const params = parseTableParams(query, { sortable: ['createdAt'], defaultSort: { id: 'createdAt', desc: true }, pageSizes: [20, 50, 100], filters });
  const cursor = parseCursorParams(query);
  const page = await listRegistrations(dataCtx, { status: 'pending', stage: params.filters.stage, search: params.search || undefined, limit: params.pageSize, ...cursor });
  const now = new Date();
  const rows: RegistrationTableRow[] = page.data.map((r) => {
    const stage = stageOf(r.requirements);
    return {
      id: r.id,
      name: r.name,
      email: r.email,
      mobile: r.mobile,
      stage: stage ? registrationStageLabels[stage] : 'Done',
      nextStep: r.requirements.next_step ? nextStepLabels[r.requirements.next_step] : '',
      age: ageOf(r.created_at, now),
      source: r.source,
      errors: r.requirements.errors.map((e) => `${e.requirement.toUpperCase()}: ${e.reason}`),
    };
  });
  const filtered = Boolean(params.search || params.filters.stage);

  return (
    <>
      <PageHeader
        title="Clients"
        description={`Registrations started${environment === 'test' ? ' in test mode' : ''} but not yet accepted. They expire after 30 days.`}
        actions={<Link href="/clients/new" className={buttonClasses()}>New client</Link>}
      />
      <ClientsTabs />
      <RegistrationsTable
        data={rows}
        total={rows.length}
        page={1}
        pageSize={params.pageSize}
        sort={params.sort}
        search={params.search}
        searchLabel="Search name or e-mail"
        filters={filters}
        filterValues={params.filters}
        pageSizes={[20, 50, 100]}
        cursor={cursorPagination(cursor, page)}
        cancelAction={cancelRegistrationAction}
        emptyMessage={filtered ? 'No pending registrations match.' : 'No registrations in progress.'}
      />
    </>
  );
}
