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
  (t) => [index('audit_log_partner_created_idx').on(t.partnerId, t.createdAt), index('audit_log_target_idx').on(t.targetType, t.targetId)],
);

export type AuditEntry = typeof auditLog.$inferSelect;
