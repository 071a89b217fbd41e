import { render, toPlainText } from '@react-email/components';
import type { ReactElement } from 'react';
import type { Queryable } from '@/db';
import { messages, type MessageAttachmentRef } from '@/db/schema';
import { seal } from '@/lib/crypto/secret-box';

/**
 * Who a message is for: the partner (null for the platform's own) and, when it is for or about one of the
 * partner's clients, that client, whose usage it counts as once sent. Without one it is the partner's own.
 */
export type MessageOwner = { partnerId: string | null; clientId?: string | null };

/**
 * Puts an e-mail or SMS in the outbox, in the caller's transaction, for the worker to send. The body is sealed
 * because it may carry a one-time code.
 */
export async function queueEmail(q: Queryable, input: MessageOwner & { to: string; subject: string; template: string; element: ReactElement; attachments?: MessageAttachmentRef[] }) {
  const html = await render(input.element);
  const text = toPlainText(html);
  await q.insert(messages).values({ partnerId: input.partnerId, clientId: input.clientId ?? null, channel: 'email', recipient: input.to, subject: input.subject, template: input.template, sealedBody: seal(JSON.stringify({ html, text })), attachments: input.attachments ?? [] });
}

export async function queueSms(q: Queryable, input: { partnerId: string; clientId?: string | null; to: string; template: string; text: string }) {
  await q.insert(messages).values({ partnerId: input.partnerId, clientId: input.clientId ?? null, channel: 'sms', recipient: input.to, template: input.template, sealedBody: seal(JSON.stringify({ text: input.text })) });
}
