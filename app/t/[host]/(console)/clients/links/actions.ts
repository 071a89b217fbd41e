'use server';

import { revalidatePath } from 'next/cache';
import type { SecretData } from '@/components/console/secret-box';
import { consoleAction } from '@/lib/actions/context-actions';
import { fieldsOf } from '@/lib/actions/form-action';
import { createOnboardingLink, revokeOnboardingLink } from '@/lib/onboarding/onboarding-links';

// Links exist per environment: a test-mode link onboards into the sandbox.
export const createLinkAction = consoleAction<SecretData>(async ({ dataCtx, environment }, formData) => {
  const fields = fieldsOf(formData);
  const link = await createOnboardingLink(dataCtx, {
    prefill: { name: fields['prefill.name'], email: fields['prefill.email'], mobile: fields['prefill.mobile'] },
    expires_in_days: fields.expires_in_days || undefined,
    note: fields.note || undefined,
  }, { sendEmail: true });
  revalidatePath('/clients/links');
  const expires = link.expires_at.toISOString().slice(0, 10);
  return {
    message: link.emailed_to ? `Link e-mailed to ${link.emailed_to}${environment === 'test' ? ' (in test mode it stays in the outbox)' : ''}.` : `Link created${environment === 'test' ? ' in test mode' : ''}.`,
    data: {
      secret: link.url,
      label: 'The onboarding link',
      note: link.emailed_to
        ? `You can also copy it and send it another way. It works for one registration and expires on ${expires}.`
        : `No e-mail address was given, so nothing was sent: copy it and send it to the prospect. It works for one registration and expires on ${expires}.`,
    },
  };
});

export const revokeLinkAction = consoleAction(async ({ dataCtx }, formData) => {
  await revokeOnboardingLink(dataCtx, fieldsOf(formData).linkId ?? '');
  revalidatePath('/clients/links');
  return { message: 'Link revoked. It no longer works.' };
});
