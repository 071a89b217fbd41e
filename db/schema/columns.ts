import { text, timestamp } from 'drizzle-orm/pg-core';
import { newId, type IdKind } from '@/lib/ids';

/** A TypeID primary key, generated in the application so rows can be referenced before insert. */
export const idColumn = (kind: IdKind) =>
  text('id')
    .primaryKey()
    .$defaultFn(() => newId(kind));

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdateFn(() => new Date());
