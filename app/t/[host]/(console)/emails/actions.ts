'use server';

import { revalidatePath } from 'next/cache';
import { partnerAction } from '@/lib/actions/context-actions';
import { fieldsOf } from '@/lib/actions/form-action';
import { requireStaffSession } from '@/lib/auth/session';
import { previewEmailTemplate, resetEmailTemplate, saveEmailTemplate, sendTestEmail } from '@/lib/email-templates/manage-templates';
import type { TemplateTextsInput } from '@/lib/email-templates/schemas';
import { AppError } from '@/lib/errors/app-error';
import { removeSendingDomain, setSendingDomain, verifySendingDomain } from '@/lib/sending-domains/manage-sending-domain';

export const saveTemplateAction = partnerAction(async (ctx, formData) => {
  const { message_type, ...texts } = fieldsOf(formData);
  await saveEmailTemplate(ctx, message_type ?? '', texts);
  revalidatePath('/emails');
  return { message: 'Template saved.' };
});

export const resetTemplateAction = partnerAction(async (ctx, formData) => {
  const type = String(formData.get('message_type') ?? '');
  await resetEmailTemplate(ctx, type);
  revalidatePath('/emails');
  return { message: 'Back to the default wording.', redirectTo: `/emails/${type}` };
});

export const sendTestAction = partnerAction(async (ctx, formData) => {
  const { to } = await sendTestEmail(ctx, String(formData.get('message_type') ?? ''));
  return { message: `Test e-mail sent to ${to}.` };
});

/** The live preview: a draft rendered with sample values, and what would stop it being saved. */
export async function previewTemplateAction(messageType: string, draft: TemplateTextsInput): Promise<{ html: string; errors: { field: string; message: string }[] }> {
  const { ctx } = await requireStaffSession();
  try {
    const preview = await previewEmailTemplate(ctx, messageType, draft);
    return { html: preview.html, errors: preview.errors };
  } catch (error) {
    if (error instanceof AppError) return { html: '', errors: Object.entries(error.fieldErrors ?? { body: error.message }).map(([field, message]) => ({ field, message })) };
    throw error;
  }
}

export const setSendingDomainAction = partnerAction(async (ctx, formData) => {
  await setSendingDomain(ctx, fieldsOf(formData));
  revalidatePath('/emails');
  return { message: 'Sending domain saved. Publish its records, then check them.' };
});

export const verifySendingDomainAction = partnerAction(async (ctx) => {
  const result = await verifySendingDomain(ctx);
  revalidatePath('/emails');
  return { message: result.status === 'verified' ? 'Verified: your e-mail now goes from your domain.' : 'Not verified yet: see each record’s status.' };
});

export const removeSendingDomainAction = partnerAction(async (ctx) => {
  await removeSendingDomain(ctx);
  revalidatePath('/emails');
  return { message: 'Sending domain removed.' };
});
