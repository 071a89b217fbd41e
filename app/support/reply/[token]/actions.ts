'use server';

import { formAction, fieldsOf } from '@/lib/actions/form-action';
import { replyByLink } from '@/lib/support/reply-by-link';

export const platformReplyByLinkAction = formAction(async (formData) => {
  const fields = fieldsOf(formData);
  await replyByLink(fields.token ?? '', { kind: 'platform' }, fields);
  return { message: 'Reply sent.', redirectTo: `/support/reply/${fields.token}` };
});
