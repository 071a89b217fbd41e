'use server';

import { revalidatePath } from 'next/cache';
import { operatorAction } from '@/lib/actions/context-actions';
import { fieldsOf } from '@/lib/actions/form-action';
import { filesOf } from '@/lib/support/form-files';
import { replyToTicket } from '@/lib/support/reply-to-ticket';
import { updateTicket } from '@/lib/support/update-ticket';

export const operatorReplyAction = operatorAction(async (ctx, formData) => {
  const fields = fieldsOf(formData);
  const { message } = await replyToTicket(ctx, fields.ticketId ?? '', fields, await filesOf(formData));
  revalidatePath(`/admin/support/${fields.ticketId}`);
  return { message: message.visibility === 'internal' ? 'Note added.' : 'Reply sent.' };
});

export const operatorUpdateTicketAction = operatorAction(async (ctx, formData) => {
  const fields = fieldsOf(formData);
  await updateTicket(ctx, fields.ticketId ?? '', fields);
  revalidatePath(`/admin/support/${fields.ticketId}`);
  return { message: 'Ticket updated.' };
});
