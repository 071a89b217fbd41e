import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { InvoiceDetail } from '@/components/invoices/invoice-detail';
import { Badge } from '@/components/ui/badge';
import { requireConsoleSession } from '@/lib/auth/session';
import { AppError } from '@/lib/errors/app-error';
import { getInvoice } from '@/lib/invoices/read-invoices';
import { resendInvoiceAction } from '../actions';

export const metadata: Metadata = { title: 'Invoice' };

type Props = { params: Promise<{ invoiceId: string }> };

export default async function InvoicePage({ params }: Props) {
  const { invoiceId } = await params;
  // Invoices live in the environment's own book, as on the list: another partner's, or the other environment's, is not there.
  const { dataCtx, user, environment } = await requireConsoleSession();
  const invoice = await getInvoice(dataCtx, invoiceId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const ours = invoice.issuer === 'partner';
  return (
    <InvoiceDetail
      invoice={invoice}
      back={ours ? { href: '/invoices', label: 'Invoices' } : { href: '/invoices?issuer=operator', label: 'Invoices from us to you' }}
      pdfHref={`/invoices/${invoice.id}/pdf`}
      invoiceHref={(id) => `/invoices/${id}`}
      buyerHref={ours && invoice.clientId ? `/clients/${invoice.clientId}` : null}
      resendAction={ours && user.role !== 'member' ? resendInvoiceAction : null}
      badges={environment === 'test' ? <Badge tone="warning">test invoice</Badge> : null}
    />
  );
}
