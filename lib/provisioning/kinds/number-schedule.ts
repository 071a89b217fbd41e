import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { numbers } from '@/db/schema';
import { environmentOf } from '@/lib/numbers/environment';
import { scheduleKind } from './schedule-item';

/** Working hours and holidays for each number the client has assigned, in the partner's inventory. */
export const numberScheduleKind = scheduleKind({
  kind: 'number_schedule',
  label: 'Number working hours',
  description: 'Working hours and holidays, given to every number the client has.',
  subjectKind: 'number',
  missing: 'The client has no numbers yet: buy one, then install again.',
  async subjectsOf(ctx, clientId) {
    const db = getDb();
    const environment = await environmentOf(db, ctx.partnerId);
    const rows = await db
      .select({ id: numbers.id })
      .from(numbers)
      .where(and(eq(numbers.environment, environment), eq(numbers.partnerId, ctx.partnerId), eq(numbers.clientId, clientId), eq(numbers.status, 'assigned')))
      .orderBy(asc(numbers.id));
    return rows.map((row) => row.id);
  },
});
