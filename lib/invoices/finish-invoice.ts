import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { clients, invoiceFiles, invoices, type Invoice, type MessageAttachmentRef } from '@/db/schema';
import { queueTemplatedEmail } from '@/lib/email-templates/queue-templated-email';
import { formatInr } from '@/lib/ledger/format';
import { adminRecipients } from '@/lib/team/admin-recipients';
import { partnerHomeUrl } from '@/lib/tenancy/partner-home-url';
import { taxProfileOf } from './parties';
import { renderInvoicePdf } from './pdf';

/** The PDF's name in the recipient's mail: the document and its number, with the number's slashes made safe. */
export const invoicePdfFilename = (invoice: Pick<Invoice, 'kind' | 'supply' | 'number'>) => `${documentTitle(invoice).replaceAll(' ', '-')}-${invoice.number.replace(/[^A-Za-z0-9-]+/g, '-')}.pdf`;

const invoicePdfAttachment = (invoice: Invoice): MessageAttachmentRef => ({ kind: 'invoice_pdf', invoiceId: invoice.id, filename: invoicePdfFilename(invoice) });

export const documentTitle = (invoice: Pick<Invoice, 'kind' | 'supply'>) => (invoice.kind === 'credit_note' ? 'Credit note' : invoice.supply === 'none' ? 'Bill of supply' : 'Tax invoice');

/**
 * E-mails an invoice to its recipient, in the caller's transaction: a partner's invoice to the client's
 * address in the partner's brand (its wording of `invoice_issued`), the operator's to the partner's owners and
 * admins in the platform's. Returns how many were queued.
 */
export async function queueInvoiceEmail(tx: Tx, invoice: Invoice): Promise<number> {
  // The PDF goes with the e-mail (read from the stored file when it is sent); the link stays for the archive.
  const attachments = [invoicePdfAttachment(invoice)];
  const values = { 'invoice.kind': documentTitle(invoice), 'invoice.number': invoice.number, 'invoice.period': invoice.period, 'invoice.total': formatInr(invoice.total) };
  if (invoice.issuer === 'partner' && invoice.clientId) {
    const [client] = await tx.select({ name: clients.name, email: clients.email }).from(clients).where(eq(clients.id, invoice.clientId));
    // The billing e-mail the partner recorded takes the invoice; else the client's account e-mail.
    const to = (await taxProfileOf(tx, invoice.partnerId, invoice.clientId))?.email || client?.email;
    if (!client || !to) return 0;
    const url = await partnerHomeUrl(tx, invoice.partnerId, '/account/invoices');
    await queueTemplatedEmail(tx, { partnerId: invoice.partnerId, clientId: invoice.clientId, to, type: 'invoice_issued', template: 'invoice-issued', values: { ...values, 'client.name': client.name, 'link.url': url }, attachments });
    return 1;
  }
  const { emails } = await adminRecipients(tx, invoice.partnerId);
  const url = await partnerHomeUrl(tx, invoice.partnerId, '/invoices?issuer=operator');
  for (const to of emails) await queueTemplatedEmail(tx, { partnerId: null, to, type: 'invoice_issued', template: 'invoice-issued', values: { ...values, 'client.name': invoice.buyer.name, 'link.url': url }, attachments });
  return emails.length;
}

/**
 * Renders a numbered invoice's PDF, stores it and e-mails it, in one transaction (so a crash leaves the invoice
 * a draft, which the worker finishes, and never e-mails it twice). The PDF is drawn from the invoice row alone,
 * so drawing it again gives the same document. A no-op for an invoice already finished.
 */
export async function finishInvoice(invoiceId: string, now: Date = new Date()): Promise<void> {
  const [invoice] = await getDb().select().from(invoices).where(eq(invoices.id, invoiceId));
  if (!invoice || invoice.status !== 'draft') return;
  const pdf = await renderInvoicePdf(invoice);
  await getDb().transaction(async (tx) => {
    // Locks the row: a second finisher waits here and then finds it no longer a draft.
    const [current] = await tx.select({ status: invoices.status }).from(invoices).where(eq(invoices.id, invoiceId)).for('update');
    if (current?.status !== 'draft') return;
    await tx.insert(invoiceFiles).values({ invoiceId, content: pdf, bytes: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex') }).onConflictDoNothing();
    const sent = await queueInvoiceEmail(tx, invoice);
    await tx.update(invoices).set(sent ? { status: 'sent', sentAt: now } : { status: 'issued' }).where(eq(invoices.id, invoiceId));
  });
}
