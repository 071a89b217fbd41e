import { boolean, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from './columns';

/** Staff of the operator who run the platform console on the platform host. */
export const operatorUsers = pgTable(
  'operator_users',
  {
    id: idColumn('operatorUser'),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    /** Set when someone else chose the password (a temporary one): it must be changed at the next sign-in. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('operator_users_email_key').on(t.email)],
);

export type OperatorUser = typeof operatorUsers.$inferSelect;
