'use server';

import { revalidatePath } from 'next/cache';
import { consoleAction, partnerAction } from '@/lib/actions/context-actions';
import { fieldsOf } from '@/lib/actions/form-action';
import { filesOf } from '@/lib/support/form-files';
import { openTicket } from '@/lib/support/open-ticket';
import { replyToTicket } from '@/lib/support/reply-to-ticket';
import { consoleTicketCtx } from '@/lib/support/console-ticket';
import { updateTicket } from '@/lib/support/update-ticket';

// Tickets with the platform belong to the live partner, whatever the console's mode.
export const openPlatformTicketAction = partnerAction(async (ctx, formData) => {
  const ticket = await openTicket(ctx, fieldsOf(formData), await filesOf(formData));
  return { message: 'Ticket opened. We will reply by e-mail and here.', redirectTo: `/support/tickets/${ticket.id}` };
});

// A client's ticket lives in the mode's data (live or sandbox); a platform ticket in the live partner.
export const replyToTicketAction = consoleAction(async (session, formData) => {
  const fields = fieldsOf(formData);
  const ctx = await consoleTicketCtx(session, fields.ticketId ?? '');
  const { message } = await replyToTicket(ctx, fields.ticketId ?? '', fields, await filesOf(formData));
  revalidatePath(`/support/tickets/${fields.ticketId}`);
  return { message: message.visibility === 'internal' ? 'Note added.' : 'Reply sent.' };
});

export const updateTicketAction = consoleAction(async (session, formData) => {
  const fields = fieldsOf(formData);
  const ctx = await consoleTicketCtx(session, fields.ticketId ?? '');
  await updateTicket(ctx, fields.ticketId ?? '', fields);
  revalidatePath(`/support/tickets/${fields.ticketId}`);
  return { message: 'Ticket updated.' };
});
