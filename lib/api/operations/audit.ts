import { z } from 'zod';
import { actorType } from '@/db/schema';
import type { AuditEntryView } from '@/lib/audit/list-audit';
import { listParamsShape } from '@/lib/pagination/cursor';
import { defineOperation } from '../operation';
import { idOf, pageOf, timestamp } from '../schemas';
import { storableIsoDateTime } from '@/lib/dates/storable-date';

export const auditEntryResource = z
  .object({
    object: z.literal('audit_entry'),
    id: idOf('aud', 'The entry’s id.'),
    action: z.string().meta({ description: 'What was done, as `<target>.<verb>`.', example: 'webhook_endpoint.created' }),
    actor_type: z.enum(actorType.enumValues).meta({ description: 'Who did it: a team member, an API key, operator staff or the platform itself.' }),
    actor_id: z.string().nullable().meta({ description: 'The team member’s or API key’s id; null for the platform.' }),
    target_type: z.string(),
    target_id: z.string().nullable(),
    ip: z.string().nullable(),
    before: z.unknown().meta({ description: 'The changed fields before, where it applies.' }),
    after: z.unknown().meta({ description: 'The changed fields after, where it applies.' }),
    created_at: timestamp,
  })
  .meta({ id: 'AuditEntry' });

const auditExample = {
  object: 'audit_entry',
  id: 'aud_01kaz3d4mqf2v8n6w0c1e5rj7t',
  action: 'webhook_endpoint.created',
  actor_type: 'api_key',
  actor_id: 'key_01kaz3d4mqf2v8n6w0c1e5rj7t',
  target_type: 'webhook_endpoint',
  target_id: 'we_01kaz3d4mqf2v8n6w0c1e5rj7t',
  ip: '203.0.113.7',
  before: null,
  after: { url: 'https://hooks.acme.example/webhooks', description: null, eventTypes: ['*'] },
  created_at: '2026-11-22T09:30:00.000Z',
};

const isoDateTime = storableIsoDateTime('Use an ISO 8601 date-time.');

export const listAuditLogOperation = defineOperation({
  method: 'GET',
  path: '/audit_log',
  operationId: 'listAuditLog',
  summary: 'List the audit log',
  description: 'Every change made in the partner’s account, by whom and from where, newest first. Filter by action (exact, or a prefix such as `webhook_endpoint.*`), target, kind of actor and time.',
  tag: 'Audit log',
  scope: 'audit:read',
  query: z.strictObject({
    ...listParamsShape,
    action: z.string().trim().min(1).max(100).optional().meta({ description: 'An action, or a prefix ending in `.*`.', example: 'webhook_endpoint.*' }),
    target_id: z.string().trim().min(1).max(64).optional().meta({ description: 'Only entries about this object.' }),
    actor_type: z.enum(actorType.enumValues).optional().meta({ description: 'Only entries by this kind of actor.' }),
    created_gte: isoDateTime.optional().meta({ description: 'At or after this time.' }),
    created_lte: isoDateTime.optional().meta({ description: 'At or before this time.' }),
  }),
  response: { status: 200, description: 'A page of audit entries.', schema: pageOf(auditEntryResource), example: { object: 'list', data: [auditExample], has_more: false } },
});

export function toAuditEntryResource(entry: AuditEntryView) {
  return {
    object: 'audit_entry' as const,
    id: entry.id,
    action: entry.action,
    actor_type: entry.actorType,
    actor_id: entry.actorId,
    target_type: entry.targetType,
    target_id: entry.targetId,
    ip: entry.ip,
    before: entry.before,
    after: entry.after,
    created_at: entry.createdAt,
  };
}
