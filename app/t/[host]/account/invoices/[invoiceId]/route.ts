import { getSignedInAccount } from '@/lib/auth/session';
import { getClientInvoice, invoicePdf, pdfResponse } from '@/lib/invoices/read-invoices';

// GET /account/invoices/:invoiceId – the signed-in member's own invoice as a PDF
export async function GET(_request: Request, { params }: { params: Promise<{ invoiceId: string }> }) {
  const account = await getSignedInAccount();
  const actor = account?.ctx.actor;
  if (account?.audience !== 'client' || account.mustChangePassword || actor?.type !== 'client_member') return new Response('Sign in first.', { status: 401, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const { invoiceId } = await params;
  const invoice = await getClientInvoice({ ...account.ctx, partnerId: actor.partnerId, clientId: actor.clientId }, invoiceId).catch(() => null);
  if (!invoice) return new Response('Not found', { status: 404 });
  return pdfResponse(await invoicePdf(invoice));
}
