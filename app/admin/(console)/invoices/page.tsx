import type { Metadata } from 'next';
import { ActionForm, ActionSelectField, ActionTextField } from '@/components/console/action-form';
import { InvoicesTable } from '@/components/invoices/invoices-table';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { SubmitButton } from '@/components/ui/submit-button';
import { requireOperatorSession } from '@/lib/auth/session';
import { gstStates } from '@/lib/invoices/gst';
import { endedMonths, invoiceRows, invoiceTableFilters } from '@/lib/invoices/invoice-table';
import { operatorTaxProfile } from '@/lib/invoices/tax-profiles';
import { listOperatorInvoices } from '@/lib/invoices/read-invoices';
import { cursorPagination, parseCursorParams, parseTableParams, type TablePageProps } from '@/lib/tables/table-params';
import { operatorGenerateInvoicesAction, operatorResendInvoiceAction, saveOperatorTaxProfileAction } from './actions';

export const metadata: Metadata = { title: 'Invoices to partners' };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

export default async function OperatorInvoicesPage({ searchParams }: TablePageProps) {
  const { ctx } = await requireOperatorSession();
  const query = await searchParams;
  const filters = invoiceTableFilters().filter((f) => f.id !== 'kind');
  const table = parseTableParams(query, { sortable: ['issuedAt'], defaultSort: { id: 'issuedAt', desc: true }, pageSizes: [20, 50, 100], filters });
  const cursor = parseCursorParams(query);
  const partnerId = first(query.partner_id);
  const [page, profile] = await Promise.all([listOperatorInvoices(ctx, { ...cursor, ...table.filters, partner_id: partnerId, limit: table.pageSize }), operatorTaxProfile(ctx)]);
  const months = endedMonths();
  return (
    <>
      <PageHeader title="Invoices to partners" description="Our GST invoices to each partner for the wholesale side of its month, and credit notes for refunds. The worker makes them on the 1st of each month (India time), with the partners’ invoices to their clients." />
      <InvoicesTable
        data={invoiceRows(page.data, { pdf: (id) => `/admin/invoices/${id}/pdf`, detail: (id) => `/admin/invoices/${id}`, party: (row) => `/admin/invoices?partner_id=${row.partnerId}` })}
        partyLabel="Partner"
        total={page.data.length}
        page={1}
        pageSize={table.pageSize}
        sort={table.sort}
        pageSizes={[20, 50, 100]}
        filters={filters}
        filterValues={table.filters}
        cursor={cursorPagination(cursor, page)}
        resendAction={operatorResendInvoiceAction}
        emptyMessage="No invoices to partners yet."
      />
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card title="Generate now" description="Makes every missing invoice and credit note of an ended month: ours to partners and theirs to their clients. What exists is kept.">
          <ActionForm action={operatorGenerateInvoicesAction} className="flex flex-col gap-3">
            <ActionSelectField label="Month" name="period" options={months.map((m) => ({ value: m.key, label: m.key }))} />
            <ActionTextField label="Only this partner (id)" name="partnerId" defaultValue={partnerId ?? ''} hint="Empty: every partner." />
            <div>
              <SubmitButton>Generate</SubmitButton>
            </div>
          </ActionForm>
        </Card>
        <Card title="Our tax details" description="Printed as the supplier on our invoices to partners.">
          <ActionForm action={saveOperatorTaxProfileAction} className="grid gap-3 sm:grid-cols-2">
            <ActionTextField label="Legal name" name="legalName" required defaultValue={profile?.legalName ?? ''} />
            <ActionTextField label="GSTIN" name="gstin" defaultValue={profile?.gstin ?? ''} />
            <ActionTextField label="Address" name="address" required defaultValue={profile?.address ?? ''} fieldClassName="sm:col-span-2" />
            <ActionSelectField label="State" name="stateCode" defaultValue={profile?.stateCode ?? ''} options={[{ value: '', label: 'Choose…' }, ...Object.entries(gstStates).map(([code, name]) => ({ value: code, label: `${name} (${code})` }))]} />
            <ActionTextField label="PIN code" name="pin" inputMode="numeric" defaultValue={profile?.pin ?? ''} />
            <div className="sm:col-span-2">
              <SubmitButton>Save</SubmitButton>
            </div>
          </ActionForm>
        </Card>
      </div>
    </>
  );
}
