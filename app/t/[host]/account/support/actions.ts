'use server';

import { revalidatePath } from 'next/cache';
import { fieldsOf, formAction } from '@/lib/actions/form-action';
import { requirePortalSession } from '@/lib/auth/portal-session';
import { filesOf } from '@/lib/support/form-files';
import { openTicket } from '@/lib/support/open-ticket';
import { replyToTicket } from '@/lib/support/reply-to-ticket';
import { updateTicket } from '@/lib/support/update-ticket';

// A member's tickets are its own client's, with its partner: the member's context says which.
export const portalOpenTicketAction = formAction(async (formData) => {
  const { ctx } = await requirePortalSession();
  const fields = fieldsOf(formData);
  const ticket = await openTicket(ctx, { subject: fields.subject, description: fields.description, priority: fields.priority, category: fields.category }, await filesOf(formData));
  return { message: 'Ticket opened.', redirectTo: `/account/support/${ticket.id}` };
});

export const portalReplyAction = formAction(async (formData) => {
  const { ctx } = await requirePortalSession();
  const fields = fieldsOf(formData);
  await replyToTicket(ctx, fields.ticketId ?? '', { body: fields.body }, await filesOf(formData));
  revalidatePath(`/account/support/${fields.ticketId}`);
  return { message: 'Reply sent.' };
});

export const portalUpdateTicketAction = formAction(async (formData) => {
  const { ctx } = await requirePortalSession();
  const fields = fieldsOf(formData);
  await updateTicket(ctx, fields.ticketId ?? '', { status: fields.status });
  revalidatePath(`/account/support/${fields.ticketId}`);
  return { message: 'Ticket updated.' };
});
