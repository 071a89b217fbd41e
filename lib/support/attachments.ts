import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { Queryable, Tx } from '@/db';
import { ticketAttachments, ticketMessages } from '@/db/schema';
import type { Ctx } from '@/lib/audit/context';
import { invalid, notFound } from '@/lib/errors/app-error';
import { getDb } from '@/db';
import { isId } from '@/lib/ids';
import { deskOf, sideOf, ticketFor } from './access';
import type { AttachmentInput } from './schemas';

export const maxAttachmentBytes = 5 * 1024 * 1024;
export const maxAttachmentsPerPost = 5;

/** What may be attached: images a screenshot comes as, and PDF. Never SVG or HTML (they can carry script). */
export const attachmentTypes = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
} as const satisfies Record<string, readonly string[]>;
type AttachmentType = keyof typeof attachmentTypes;

export type CheckedAttachment = { filename: string; contentType: AttachmentType; bytes: Buffer; sha256: string };

const cleanName = (name: string) => name.replace(/[\\/]/g, '_').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200) || 'attachment';

/**
 * Reads what a file is from its own first bytes (the signatures `file-type` knows, a widely used library that
 * reads buffers without native code), never from its name or the sender's claim, and refuses it unless it is an
 * accepted type and both the claimed type and the name's extension, when given, agree with its content. So a
 * script renamed `invoice.pdf` is refused, and a real PDF sent as `image/png` is too.
 */
export async function checkAttachment(file: AttachmentInput, field: string): Promise<CheckedAttachment> {
  const filename = cleanName(file.filename);
  if (file.bytes.length === 0) throw invalid(field, `“${filename}” is empty.`);
  if (file.bytes.length > maxAttachmentBytes) throw invalid(field, `“${filename}” is larger than ${maxAttachmentBytes / 1024 / 1024} MB.`);
  const found = await fileTypeFromBuffer(new Uint8Array(file.bytes));
  const accepted = 'PNG, JPEG, GIF, WebP or PDF';
  if (!found || !(found.mime in attachmentTypes)) throw invalid(field, `“${filename}” is not a ${accepted} file.`);
  const contentType = found.mime as AttachmentType;
  const claimed = file.contentType?.split(';')[0]?.trim().toLowerCase();
  if (claimed && claimed !== 'application/octet-stream' && claimed !== contentType && !(claimed === 'image/jpg' && contentType === 'image/jpeg')) {
    throw invalid(field, `“${filename}” claims to be ${claimed} but its content is ${contentType}.`);
  }
  const extension = filename.includes('.') ? filename.split('.').pop()!.toLowerCase() : null;
  if (extension && !(attachmentTypes[contentType] as readonly string[]).includes(extension)) {
    throw invalid(field, `“${filename}” is named .${extension} but its content is ${contentType}.`);
  }
  return { filename, contentType, bytes: file.bytes, sha256: createHash('sha256').update(file.bytes).digest('hex') };
}

export async function checkAttachments(files: AttachmentInput[] | undefined, field = 'attachments'): Promise<CheckedAttachment[]> {
  if (!files?.length) return [];
  if (files.length > maxAttachmentsPerPost) throw invalid(field, `Attach at most ${maxAttachmentsPerPost} files at a time.`);
  const checked: CheckedAttachment[] = [];
  for (const [index, file] of files.entries()) checked.push(await checkAttachment(file, `${field}.${index}`));
  return checked;
}

export async function storeAttachments(tx: Tx, input: { ticketId: string; partnerId: string; messageId: string | null; files: CheckedAttachment[] }) {
  if (!input.files.length) return [];
  return tx
    .insert(ticketAttachments)
    .values(input.files.map((f) => ({ ticketId: input.ticketId, partnerId: input.partnerId, messageId: input.messageId, filename: f.filename, contentType: f.contentType, bytes: f.bytes.length, sha256: f.sha256, content: f.bytes })))
    .returning({ id: ticketAttachments.id, filename: ticketAttachments.filename, contentType: ticketAttachments.contentType, bytes: ticketAttachments.bytes });
}

/** One attachment's bytes, for a download: 404 unless the desk sees its ticket and, for a requester, its message is public. */
export async function getAttachment(ctx: Ctx, ticketId: string, attachmentId: string, q: Queryable = getDb()) {
  const desk = deskOf(ctx);
  const ticket = await ticketFor(q, desk, ticketId);
  if (!isId('ticketAttachment', attachmentId)) throw notFound('Attachment');
  const [row] = await q
    .select({ attachment: ticketAttachments, visibility: ticketMessages.visibility })
    .from(ticketAttachments)
    .leftJoin(ticketMessages, eq(ticketMessages.id, ticketAttachments.messageId))
    .where(and(eq(ticketAttachments.id, attachmentId), eq(ticketAttachments.ticketId, ticket.id)));
  if (!row || (row.visibility === 'internal' && sideOf(desk, ticket) !== 'handler')) throw notFound('Attachment');
  return row.attachment;
}
