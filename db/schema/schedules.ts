import { date, index, jsonb, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { TimeRange, WeeklyHours } from '@/lib/schedules/types';
import { createdAt, idColumn, updatedAt } from './columns';
import { partners } from './partners';

export const scheduleSubjectKind = pgEnum('schedule_subject_kind', ['number', 'agent', 'whatsapp_number']);

/**
 * Working hours of one subject (a number, an agent, a WhatsApp number), in its zone. The subject's own domain
 * owns the subject row and checks it; this table only knows its kind and id, so one engine serves them all.
 */
export const schedules = pgTable(
  'schedules',
  {
    id: idColumn('schedule'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    subjectKind: scheduleSubjectKind('subject_kind').notNull(),
    subjectId: text('subject_id').notNull(),
    timezone: text('timezone').notNull(),
    weekly: jsonb('weekly').$type<WeeklyHours>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('schedules_partner_subject_key').on(t.partnerId, t.subjectKind, t.subjectId)],
);

/** A date or range of dates that closes the subject (`hours` null) or gives it special hours. */
export const scheduleHolidays = pgTable(
  'schedule_holidays',
  {
    id: idColumn('scheduleHoliday'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    scheduleId: text('schedule_id')
      .notNull()
      .references(() => schedules.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    hours: jsonb('hours').$type<TimeRange[] | null>(),
    createdAt: createdAt(),
  },
  (t) => [index('schedule_holidays_partner_schedule_idx').on(t.partnerId, t.scheduleId, t.endDate, t.id)],
);
