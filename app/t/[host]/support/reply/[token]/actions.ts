'use server';

import { formAction, fieldsOf } from '@/lib/actions/form-action';
import { currentTenant } from '@/lib/auth/session';
import { notFound } from '@/lib/errors/app-error';
import { replyByLink } from '@/lib/support/reply-by-link';

export const replyByLinkAction = formAction(async (formData) => {
  const tenant = await currentTenant();
  if (!tenant) throw notFound('Ticket');
  const fields = fieldsOf(formData);
  await replyByLink(fields.token ?? '', { kind: 'partner', partnerId: tenant.partnerId }, fields);
  return { message: 'Reply sent.', redirectTo: `/support/reply/${fields.token}` };
});
