import { and, eq } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { emailTemplates } from '@/db/schema';
import { livePartnerOf } from '@/lib/partners/live-partner';
import type { TemplateTexts } from './define-message-type';
import { messageTypes, type MessageTypeKey } from './message-types';

/** The partner's own texts for a message type, or the type's defaults (null partner: the platform's messages). */
export async function templateTextsFor(q: Queryable, partnerId: string | null, key: MessageTypeKey): Promise<TemplateTexts & { customized: boolean }> {
  const defaults = messageTypes[key].defaults;
  if (!partnerId) return { ...defaults, customized: false };
  // A sandbox writes with its live partner's texts, as with its brand.
  const owner = await livePartnerOf(q, partnerId);
  const [row] = await q
    .select()
    .from(emailTemplates)
    .where(and(eq(emailTemplates.partnerId, owner), eq(emailTemplates.messageType, key)));
  if (!row) return { ...defaults, customized: false };
  return { subject: row.subject, heading: row.heading, body: row.body, buttonLabel: row.buttonLabel, customized: true };
}
