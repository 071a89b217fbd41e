import type { Metadata } from 'next';
import { InvoicesTable } from '@/components/invoices/invoices-table';
import { requirePortalSession } from '@/lib/auth/portal-session';
import { invoiceRows } from '@/lib/invoices/invoice-table';
import { listClientInvoices } from '@/lib/invoices/read-invoices';
import { cursorPagination, parseCursorParams, type SearchParams } from '@/lib/tables/table-params';

export const metadata: Metadata = { title: 'Invoices' };

export default async function PortalInvoicesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { ctx, member, tenant } = await requirePortalSession();
  const cursor = parseCursorParams(await searchParams);
  const page = await listClientInvoices({ ...ctx, clientId: member.clientId }, { ...cursor, limit: 25 });
  return (
    <>
      <h1 className="text-2xl font-semibold">Invoices</h1>
      <p className="text-sm text-slate-600">Your monthly GST invoices from {tenant.brand.productName}, and credit notes for refunds. Each is also e-mailed to you when it is made.</p>
      <InvoicesTable
        data={invoiceRows(page.data, { pdf: (id) => `/account/invoices/${id}`, party: () => null }, (row) => row.sellerName)}
        partyLabel="From"
        total={page.data.length}
        page={1}
        pageSize={25}
        sort={{ id: 'issuedAt', desc: true }}
        cursor={cursorPagination(cursor, page)}
        emptyMessage="No invoices yet: the first is made on the 1st of the month after your first charge."
      />
    </>
  );
}
