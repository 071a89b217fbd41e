import { and, asc, eq, ne } from 'drizzle-orm';
import { getDb } from '@/db';
import { whatsappNumbers } from '@/db/schema';
import { scheduleKind } from './schedule-item';

/** Working hours and holidays for each WhatsApp Business number the client has linked. */
export const whatsappScheduleKind = scheduleKind({
  kind: 'whatsapp_schedule',
  label: 'WhatsApp working hours',
  description: 'Working hours and holidays, given to every WhatsApp Business number the client has linked.',
  subjectKind: 'whatsapp_number',
  missing: 'The client has no linked WhatsApp number yet: link one, then install again.',
  async subjectsOf(ctx, clientId) {
    const rows = await getDb()
      .select({ id: whatsappNumbers.id })
      .from(whatsappNumbers)
      .where(and(eq(whatsappNumbers.partnerId, ctx.partnerId), eq(whatsappNumbers.clientId, clientId), ne(whatsappNumbers.status, 'unlinked')))
      .orderBy(asc(whatsappNumbers.id));
    return rows.map((row) => row.id);
  },
});
