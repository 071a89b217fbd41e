import { and, count, eq, gte } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { emailTemplates, messages, partnerUsers, type EmailTemplateRow } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { PartnerCtx } from '@/lib/audit/context';
import { AppError, forbidden, notFound, type FieldErrors } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { emitEvent } from '@/lib/events/emit-event';
import { queueEmail } from '@/lib/messages/queue-message';
import { emailBrandFor } from '@/lib/onboarding/registration-access';
import { actAsLivePartner } from '@/lib/partners/live-partner';
import type { MessageType, TemplateTexts } from './define-message-type';
import { messageTypes, messageTypeKeys, isMessageTypeKey, type MessageTypeKey } from './message-types';
import { describeProblem, parseTemplate } from './placeholders';
import { fillTemplate, renderTemplateHtml, sampleValues } from './render-template';
import { templateTextsSchema, type TemplateTextsInput } from './schemas';


/** Test sends per signed-in user per hour: enough to check wording, too few to mail anyone else through it. */
export const testSendPolicy = { perUserPerHour: 5 };

export type EmailTemplateView = {
  object: 'email_template';
  message_type: MessageTypeKey;
  label: string;
  description: string;
  customized: boolean;
  subject: string;
  heading: string;
  body: string;
  button_label: string | null;
  has_button: boolean;
  variables: { name: string; description: string; sample: string }[];
  updated_at: string | null;
};

function typeOf(key: string): MessageType & { key: MessageTypeKey } {
  if (!isMessageTypeKey(key)) throw notFound('Message type');
  return messageTypes[key] as MessageType & { key: MessageTypeKey };
}

function view(type: MessageType & { key: MessageTypeKey }, row: EmailTemplateRow | undefined): EmailTemplateView {
  const texts = row ? { subject: row.subject, heading: row.heading, body: row.body, buttonLabel: row.buttonLabel } : type.defaults;
  return {
    object: 'email_template',
    message_type: type.key,
    label: type.label,
    description: type.description,
    customized: Boolean(row),
    subject: texts.subject,
    heading: texts.heading,
    body: texts.body,
    button_label: type.hasButton ? texts.buttonLabel : null,
    has_button: type.hasButton,
    variables: Object.entries(type.variables).map(([name, doc]) => ({ name, ...doc })),
    updated_at: row?.updatedAt.toISOString() ?? null,
  };
}

const fieldNames = { subject: 'subject', heading: 'heading', body: 'body', buttonLabel: 'button_label' } as const;

/**
 * The texts of a draft, checked against the type: every placeholder must name one of its variables. Each field's
 * problems are reported beside it with their line and column, and nothing is saved while there is one.
 */
export function checkTemplateTexts(type: MessageType, input: Untrusted<TemplateTextsInput>): { texts: TemplateTexts; fieldErrors: FieldErrors } {
  const data = parseInput(templateTextsSchema, input);
  const texts: TemplateTexts = { subject: data.subject, heading: data.heading, body: data.body, buttonLabel: type.hasButton ? data.button_label || null : null };
  const fieldErrors: FieldErrors = {};
  if (type.hasButton && !texts.buttonLabel) fieldErrors.button_label = 'Write the button’s label.';
  const allowed = new Set(Object.keys(type.variables));
  for (const [key, field] of Object.entries(fieldNames) as [keyof TemplateTexts, string][]) {
    const text = texts[key];
    if (!text) continue;
    const { problems } = parseTemplate(text, allowed);
    if (problems.length) fieldErrors[field] = problems.map(describeProblem).join(' ');
  }
  return { texts, fieldErrors };
}

export async function listEmailTemplates(callerCtx: PartnerCtx): Promise<EmailTemplateView[]> {
  const ctx = await actAsLivePartner(callerCtx, 'member');
  const rows = await getDb().select().from(emailTemplates).where(eq(emailTemplates.partnerId, ctx.partnerId));
  return messageTypeKeys.map((key) => view(typeOf(key), rows.find((r) => r.messageType === key)));
}

export async function getEmailTemplate(callerCtx: PartnerCtx, key: string): Promise<EmailTemplateView> {
  const ctx = await actAsLivePartner(callerCtx, 'member');
  const type = typeOf(key);
  const [row] = await getDb()
    .select()
    .from(emailTemplates)
    .where(and(eq(emailTemplates.partnerId, ctx.partnerId), eq(emailTemplates.messageType, type.key)));
  return view(type, row);
}

const auditTexts = (t: TemplateTexts) => ({ subject: t.subject, heading: t.heading, body: t.body, button_label: t.buttonLabel });

async function announce(tx: Tx, ctx: PartnerCtx, type: MessageType & { key: MessageTypeKey }, action: 'updated' | 'reset', before: TemplateTexts, after: TemplateTexts, customized: boolean) {
  await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: `email_template.${action}`, targetType: 'email_template', targetId: type.key, before: auditTexts(before), after: auditTexts(after) });
  await emitEvent(tx, ctx.partnerId, 'email_template.updated', { message_type: type.key, customized, ...auditTexts(after) });
}

/** Saves the partner's wording for a message type (the live partner's: its sandbox's messages use it too). */
export async function saveEmailTemplate(callerCtx: PartnerCtx, key: string, input: Untrusted<TemplateTextsInput>): Promise<EmailTemplateView> {
  const ctx = await actAsLivePartner(callerCtx, 'admin');
  const type = typeOf(key);
  const { texts, fieldErrors } = checkTemplateTexts(type, input);
  if (Object.keys(fieldErrors).length) throw new AppError('validation_failed', Object.values(fieldErrors)[0]!, fieldErrors);
  const actorId = ctx.actor.id ?? null;
  return getDb().transaction(async (tx) => {
    const [old] = await tx
      .select()
      .from(emailTemplates)
      .where(and(eq(emailTemplates.partnerId, ctx.partnerId), eq(emailTemplates.messageType, type.key)))
      .for('update');
    const values = { subject: texts.subject, heading: texts.heading, body: texts.body, buttonLabel: texts.buttonLabel, updatedBy: actorId };
    const [row] = await tx
      .insert(emailTemplates)
      .values({ partnerId: ctx.partnerId, messageType: type.key, ...values })
      .onConflictDoUpdate({ target: [emailTemplates.partnerId, emailTemplates.messageType], set: { ...values, updatedAt: new Date() } })
      .returning();
    await announce(tx, ctx, type, 'updated', old ?? type.defaults, texts, true);
    return view(type, row);
  });
}

/** Back to the default wording. Resetting a type that is not customised changes nothing and records nothing. */
export async function resetEmailTemplate(callerCtx: PartnerCtx, key: string): Promise<EmailTemplateView> {
  const ctx = await actAsLivePartner(callerCtx, 'admin');
  const type = typeOf(key);
  return getDb().transaction(async (tx) => {
    const [old] = await tx
      .delete(emailTemplates)
      .where(and(eq(emailTemplates.partnerId, ctx.partnerId), eq(emailTemplates.messageType, type.key)))
      .returning();
    if (old) await announce(tx, ctx, type, 'reset', old, type.defaults, false);
    return view(type, undefined);
  });
}

/**
 * A draft rendered with the type's sample values in the partner's brand, without saving it, and what would stop
 * it being saved. The HTML is for a sandboxed frame: it holds no script, and the frame allows none either.
 */
export async function previewEmailTemplate(callerCtx: PartnerCtx, key: string, input: Untrusted<TemplateTextsInput>) {
  const ctx = await actAsLivePartner(callerCtx, 'member');
  const type = typeOf(key);
  const { texts, fieldErrors } = checkTemplateTexts(type, input);
  const brand = await emailBrandFor(getDb(), ctx.partnerId);
  const rendered = await renderTemplateHtml(type, texts, brand, sampleValues(type));
  return { object: 'email_template_preview' as const, message_type: type.key, ...rendered, errors: Object.entries(fieldErrors).map(([field, message]) => ({ field, message })) };
}

/**
 * Sends the saved template (or the default) with sample values to the signed-in user's own address, through the
 * outbox, at most `testSendPolicy.perUserPerHour` an hour. The user's row is locked first, so two clicks at once
 * are counted one after the other.
 */
export async function sendTestEmail(callerCtx: PartnerCtx, key: string, now = new Date()): Promise<{ to: string }> {
  const ctx = await actAsLivePartner(callerCtx, 'member');
  if (ctx.actor.type !== 'partner_user') throw forbidden('Test e-mails go to the signed-in person’s own address; sign in to the console to send one.');
  const type = typeOf(key);
  const actorId = ctx.actor.id;
  return getDb().transaction(async (tx) => {
    const [user] = await tx
      .select({ email: partnerUsers.email })
      .from(partnerUsers)
      .where(and(eq(partnerUsers.id, actorId), eq(partnerUsers.partnerId, ctx.partnerId)))
      .for('update');
    if (!user) throw notFound('Team member');
    const hourAgo = new Date(now.getTime() - 60 * 60_000);
    const [sent] = await tx
      .select({ n: count() })
      .from(messages)
      .where(and(eq(messages.partnerId, ctx.partnerId), eq(messages.template, 'template_test'), eq(messages.recipient, user.email), gte(messages.createdAt, hourAgo)));
    if ((sent?.n ?? 0) >= testSendPolicy.perUserPerHour) {
      throw new AppError('rate_limited', `You can send ${testSendPolicy.perUserPerHour} test e-mails an hour. Try again later.`, undefined, { 'Retry-After': '3600' });
    }
    const [row] = await tx
      .select()
      .from(emailTemplates)
      .where(and(eq(emailTemplates.partnerId, ctx.partnerId), eq(emailTemplates.messageType, type.key)));
    const texts = row ? { subject: row.subject, heading: row.heading, body: row.body, buttonLabel: row.buttonLabel } : type.defaults;
    const brand = await emailBrandFor(tx, ctx.partnerId);
    const { subject, element } = fillTemplate(type, texts, brand, sampleValues(type));
    await queueEmail(tx, { partnerId: ctx.partnerId, to: user.email, subject: `[Test] ${subject}`, template: 'template_test', element });
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'email_template.test_sent', targetType: 'email_template', targetId: type.key, after: { to: user.email } });
    return { to: user.email };
  });
}
