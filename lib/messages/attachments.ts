import { inArray } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { invoiceFiles, type MessageAttachmentRef } from '@/db/schema';
import type { EmailAttachment } from '@/lib/providers/email/email-provider';

/**
 * Reads the files an outbox e-mail names, at the moment it is sent. A file that is gone (its invoice was
 * deleted) is an error, so the message is retried and then marked failed rather than sent without it.
 */
export async function loadAttachments(db: Queryable, refs: MessageAttachmentRef[]): Promise<EmailAttachment[]> {
  if (!refs.length) return [];
  const ids = refs.filter((ref) => ref.kind === 'invoice_pdf').map((ref) => ref.invoiceId);
  const files = ids.length ? await db.select({ invoiceId: invoiceFiles.invoiceId, content: invoiceFiles.content }).from(invoiceFiles).where(inArray(invoiceFiles.invoiceId, ids)) : [];
  const byInvoice = new Map(files.map((file) => [file.invoiceId, file.content]));
  return refs.map((ref) => {
    const content = byInvoice.get(ref.invoiceId);
    if (!content) throw new Error(`The attachment ${ref.filename} is no longer stored.`);
    return { filename: ref.filename, contentType: 'application/pdf', content: Buffer.from(content) };
  });
}
