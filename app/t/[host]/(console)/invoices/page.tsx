import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm, ActionSelectField, ActionTextField } from '@/components/console/action-form';
import { InvoicesTable } from '@/components/invoices/invoices-table';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { SubmitButton } from '@/components/ui/submit-button';
import { requireConsoleSession } from '@/lib/auth/session';
import { gstStates } from '@/lib/invoices/gst';
import { endedMonths, invoiceRows, invoiceTableFilters } from '@/lib/invoices/invoice-table';
import { partnerTaxProfile } from '@/lib/invoices/tax-profiles';
import { listInvoices } from '@/lib/invoices/read-invoices';
import { cursorPagination, parseCursorParams, parseTableParams, type TablePageProps } from '@/lib/tables/table-params';
import { generateInvoicesNowAction, resendInvoiceAction, saveTaxProfileAction } from './actions';

export const metadata: Metadata = { title: 'Invoices' };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

export default async function InvoicesPage({ searchParams }: TablePageProps) {
  const { dataCtx, user } = await requireConsoleSession();
  const query = await searchParams;
  const issuer = first(query.issuer) === 'operator' ? 'operator' : 'partner';
  const clientId = issuer === 'partner' ? first(query.client_id) : undefined;
  const filters = invoiceTableFilters();
  const table = parseTableParams(query, { sortable: ['issuedAt'], defaultSort: { id: 'issuedAt', desc: true }, pageSizes: [20, 50, 100], filters });
  const cursor = parseCursorParams(query);
  const [page, profile] = await Promise.all([listInvoices(dataCtx, { ...cursor, ...table.filters, issuer, client_id: clientId, limit: table.pageSize }), partnerTaxProfile(dataCtx)]);
  const canManage = user.role !== 'member';
  const months = endedMonths();
  const tab = (value: 'partner' | 'operator', label: string) => (
    <Link href={value === 'partner' ? '/invoices' : '/invoices?issuer=operator'} aria-current={issuer === value ? 'page' : undefined} className={issuer === value ? 'border-b-2 border-slate-900 pb-2 font-medium' : 'pb-2 text-slate-600 hover:text-slate-900'}>
      {label}
    </Link>
  );

  return (
    <>
      <PageHeader title="Invoices" description="GST invoices made on the 1st of each month (India time) from the month’s charges: yours to each client, in your name and brand, and ours to you for the wholesale side. Refunds get credit notes." />
      <nav aria-label="Whose invoices" className="mb-4 flex gap-6 border-b border-slate-200 text-sm">
        {tab('partner', 'To your clients')}
        {tab('operator', 'From us to you')}
      </nav>
      {clientId ? (
        <p className="mb-3 text-sm text-slate-700">
          One client’s invoices. <Link href="/invoices" className="underline underline-offset-2">Show all clients</Link>
        </p>
      ) : null}
      <InvoicesTable
        data={invoiceRows(page.data, { pdf: (id) => `/invoices/${id}/pdf`, detail: (id) => `/invoices/${id}`, party: (row) => (row.clientId ? `/invoices?client_id=${row.clientId}` : null) }, (row) => (issuer === 'operator' ? row.sellerName : row.buyerName))}
        partyLabel={issuer === 'operator' ? 'From' : 'Client'}
        total={page.data.length}
        page={1}
        pageSize={table.pageSize}
        sort={table.sort}
        pageSizes={[20, 50, 100]}
        filters={filters}
        filterValues={table.filters}
        cursor={cursorPagination(cursor, page)}
        resendAction={canManage && issuer === 'partner' ? resendInvoiceAction : null}
        emptyMessage={Object.keys(table.filters).length || clientId ? 'No invoices match these filters.' : 'No invoices yet: the first are made on the 1st of next month.'}
      />

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        {canManage ? (
          <Card title="Generate now" description="Makes the invoices of an ended month for clients who have none yet (the worker does this on the 1st; existing invoices are kept as they are).">
            <ActionForm action={generateInvoicesNowAction} className="flex flex-col gap-3 sm:flex-row sm:items-end">
              <ActionSelectField label="Month" name="period" options={months.map((m) => ({ value: m.key, label: m.key }))} />
              <SubmitButton>Generate</SubmitButton>
            </ActionForm>
          </Card>
        ) : null}
        <Card title="Commission statement" description="Your commission for a month, per client, as a PDF.">
          <form method="get" action="/invoices/commission-statement" className="flex flex-col gap-3 sm:flex-row sm:items-end">
            <label className="flex flex-col gap-1 text-sm">
              <span className="font-medium">Month</span>
              <select name="period" className="rounded-md border border-slate-300 px-3 py-2" defaultValue={months[0]?.key}>
                {months.map((m) => (
                  <option key={m.key} value={m.key}>
                    {m.key}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50">
              Download PDF
            </button>
          </form>
        </Card>
        {canManage ? (
          <Card title="Your tax details" description="Printed as the supplier on your invoices to clients. Without a GSTIN they are bills of supply, with no GST.">
            <ActionForm action={saveTaxProfileAction} className="grid gap-3 sm:grid-cols-2">
              <ActionTextField label="Legal name" name="legalName" required defaultValue={profile?.legalName ?? ''} />
              <ActionTextField label="GSTIN" name="gstin" defaultValue={profile?.gstin ?? ''} hint="15 characters; its first two digits are your state." />
              <ActionTextField label="Address" name="address" required defaultValue={profile?.address ?? ''} fieldClassName="sm:col-span-2" />
              <ActionSelectField label="State" name="stateCode" defaultValue={profile?.stateCode ?? ''} options={[{ value: '', label: 'Choose…' }, ...Object.entries(gstStates).map(([code, name]) => ({ value: code, label: `${name} (${code})` }))]} />
              <ActionTextField label="PIN code" name="pin" inputMode="numeric" defaultValue={profile?.pin ?? ''} />
              <div className="sm:col-span-2">
                <SubmitButton>Save</SubmitButton>
              </div>
            </ActionForm>
          </Card>
        ) : null}
      </div>
    </>
  );
}
