import type { Queryable } from '@/db';
import type { MessageAttachmentRef } from '@/db/schema';
import { getConfig } from '@/lib/config';
import { queueEmail, type MessageOwner } from '@/lib/messages/queue-message';
import type { EmailBrand } from '@/lib/messages/templates/brand-email';
import { emailBrandFor } from '@/lib/onboarding/registration-access';
import type { ValuesOf } from './define-message-type';
import { messageTypes, type MessageTypeKey } from './message-types';
import { fillTemplate } from './render-template';
import { templateTextsFor } from './template-texts';

/** The brand of the platform's own messages (to operators): the only ones that carry its name. */
export const platformBrand = (): EmailBrand => ({ productName: getConfig().PLATFORM_NAME, primaryColor: '#0f172a', supportEmail: null, logoUrl: null });

/**
 * Queues one message of a type, in the caller's transaction: the partner's wording (or the default) filled with
 * the values and wrapped in its brand. `partnerId` null sends in the platform's brand with the defaults; `clientId`
 * names the client it is for, whose usage it counts as.
 */
export async function queueTemplatedEmail<K extends MessageTypeKey>(q: Queryable, input: MessageOwner & { to: string; type: K; values: ValuesOf<(typeof messageTypes)[K]>; template?: string; attachments?: MessageAttachmentRef[] }) {
  const type = messageTypes[input.type];
  const brand = input.partnerId ? await emailBrandFor(q, input.partnerId) : platformBrand();
  const texts = await templateTextsFor(q, input.partnerId, input.type);
  const { subject, element } = fillTemplate(type, texts, brand, input.values as Record<string, string>);
  await queueEmail(q, { partnerId: input.partnerId, clientId: input.clientId, to: input.to, subject, template: input.template ?? input.type, element, attachments: input.attachments });
}
