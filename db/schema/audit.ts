import { index, jsonb, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from './columns';
import { partners } from './partners';

export const actorType = pgEnum('actor_type', ['operator', 'partner_user', 'client_member', 'api_key', 'system']);

export const auditLog = pgTable(
  'audit_log',
  {
    id: idColumn('audit'),
    /** Null for operator actions on the platform itself. */
    partnerId: text('partner_id').references(() => partners.id, { onDelete: 'cascade' }),
    actorType: actorType('actor_type').notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    ip: text('ip'),
    before: jsonb('before'),
    after: jsonb('after'),
    createdAt: createdAt(),
  },
  (t) => [
    // The log reads newest first by id (time-ordered), optionally for one action, target or kind of actor.
    index('audit_log_partner_idx').on(t.partnerId, t.id),
    // text_pattern_ops also serves `action LIKE 'prefix.%'` whatever the database's collation.
    index('audit_log_partner_action_idx').on(t.partnerId, t.action.op('text_pattern_ops'), t.id),
    index('audit_log_partner_target_idx').on(t.partnerId, t.targetId, t.id),
    index('audit_log_partner_actor_idx').on(t.partnerId, t.actorType, t.id),
    index('audit_log_target_idx').on(t.targetType, t.targetId),
  ],
);

export type AuditEntry = typeof auditLog.$inferSelect;
