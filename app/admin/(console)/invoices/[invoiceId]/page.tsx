import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { InvoiceDetail } from '@/components/invoices/invoice-detail';
import { requireOperatorSession } from '@/lib/auth/session';
import { AppError } from '@/lib/errors/app-error';
import { getOperatorInvoice } from '@/lib/invoices/read-invoices';
import { operatorResendInvoiceAction } from '../actions';

export const metadata: Metadata = { title: 'Invoice to a partner' };

type Props = { params: Promise<{ invoiceId: string }> };

export default async function OperatorInvoicePage({ params }: Props) {
  const { invoiceId } = await params;
  const { ctx } = await requireOperatorSession();
  // Only our own invoices to partners: a partner's invoice to its client is not ours to show.
  const invoice = await getOperatorInvoice(ctx, invoiceId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  return (
    <InvoiceDetail
      invoice={invoice}
      back={{ href: '/admin/invoices', label: 'Invoices to partners' }}
      pdfHref={`/admin/invoices/${invoice.id}/pdf`}
      invoiceHref={(id) => `/admin/invoices/${id}`}
      buyerHref={`/admin/partners/${invoice.partnerId}`}
      resendAction={operatorResendInvoiceAction}
    />
  );
}
