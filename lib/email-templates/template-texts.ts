import { and, eq } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { emailTemplates, partners } from '@/db/schema';
import type { TemplateTexts } from './define-message-type';
import { messageTypes, type MessageTypeKey } from './message-types';

/** Whose templates a partner's messages use: a sandbox writes with its live partner's, as with its brand. */
export async function templateOwnerOf(q: Queryable, partnerId: string): Promise<string> {
  const [row] = await q.select({ parentId: partners.parentId }).from(partners).where(eq(partners.id, partnerId));
  return row?.parentId ?? partnerId;
}

/** The partner's own texts for a message type, or the type's defaults (null partner: the platform's messages). */
export async function templateTextsFor(q: Queryable, partnerId: string | null, key: MessageTypeKey): Promise<TemplateTexts & { customized: boolean }> {
  const defaults = messageTypes[key].defaults;
  if (!partnerId) return { ...defaults, customized: false };
  const owner = await templateOwnerOf(q, partnerId);
  const [row] = await q
    .select()
    .from(emailTemplates)
    .where(and(eq(emailTemplates.partnerId, owner), eq(emailTemplates.messageType, key)));
  if (!row) return { ...defaults, customized: false };
  return { subject: row.subject, heading: row.heading, body: row.body, buttonLabel: row.buttonLabel, customized: true };
}
