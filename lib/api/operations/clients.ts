import { z } from 'zod';
import { listParamsShape } from '@/lib/pagination/cursor';
import { setClientStatusSchema } from '@/lib/clients/manage-clients';
import { defineOperation } from '../operation';
import { idOf, pageOf, timestamp } from '../schemas';
import { storableIsoDateTime } from '@/lib/dates/storable-date';

export const clientResource = z
  .object({
    object: z.literal('client'),
    id: idOf('cli', 'The client’s id.'),
    name: z.string(),
    email: z.string(),
    status: z.enum(['pending', 'active', 'inactive']).meta({ description: '`pending` until onboarding and KYC are accepted.' }),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'Client' });

const clientExample = { object: 'client', id: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t', name: 'Bluebird Logistics', email: 'ops@bluebird.example', status: 'active', created_at: '2026-11-20T10:00:00.000Z', updated_at: '2026-11-21T08:15:00.000Z' };

export const clientIdParams = z.strictObject({ client_id: idOf('cli', 'The client’s id.') });

export const listClientsOperation = defineOperation({
  method: 'GET',
  path: '/clients',
  operationId: 'listClients',
  summary: 'List clients',
  description: 'The partner’s clients, newest first (or oldest first with `order=asc`), filtered by status, a search of name and e-mail, and a creation date range. Paginate with `starting_after` / `ending_before`.',
  tag: 'Clients',
  scope: 'clients:read',
  query: z.strictObject({
    ...listParamsShape,
    status: z.enum(['pending', 'active', 'inactive']).optional().meta({ description: 'Only clients in this status.' }),
    search: z.string().trim().min(1).max(200).optional().meta({ description: 'Part of the name or e-mail, case-insensitive.', example: 'bluebird' }),
    created_gte: storableIsoDateTime('Use an ISO 8601 date-time.').optional().meta({ description: 'Created at or after this time.' }),
    created_lte: storableIsoDateTime('Use an ISO 8601 date-time.').optional().meta({ description: 'Created at or before this time.' }),
    order: z.enum(['desc', 'asc']).default('desc').meta({ description: 'Sort by creation: newest first (`desc`) or oldest first (`asc`).' }),
  }),
  response: { status: 200, description: 'A page of clients.', schema: pageOf(clientResource), example: { object: 'list', data: [clientExample], has_more: false } },
});

export const getClientOperation = defineOperation({
  method: 'GET',
  path: '/clients/{client_id}',
  operationId: 'getClient',
  summary: 'Get a client',
  description: 'One client of the partner. Another partner’s client id answers 404.',
  tag: 'Clients',
  scope: 'clients:read',
  params: clientIdParams,
  response: { status: 200, description: 'The client.', schema: clientResource, example: clientExample },
  errors: ['not_found'],
});

export const updateClientStatusOperation = defineOperation({
  method: 'POST',
  path: '/clients/{client_id}/status',
  operationId: 'updateClientStatus',
  summary: 'Activate or deactivate a client',
  description: 'Sets an onboarded client active or inactive, with a reason kept in the audit log and sent in the `client.activated` / `client.deactivated` event. A client still onboarding cannot be changed (409).',
  tag: 'Clients',
  scope: 'clients:write',
  params: clientIdParams,
  body: z.strictObject({
    status: setClientStatusSchema.shape.status,
    reason: setClientStatusSchema.shape.reason.meta({ example: 'Payment overdue' }),
  }),
  bodyExample: { status: 'inactive', reason: 'Payment overdue' },
  response: { status: 200, description: 'The client after the change.', schema: clientResource, example: { ...clientExample, status: 'inactive' } },
  errors: ['not_found', 'conflict', 'validation_failed'],
});

/** Domain row → API resource. */
export function toClientResource(row: { id: string; name: string; email: string; status: string; createdAt: Date; updatedAt: Date }) {
  return { object: 'client' as const, id: row.id, name: row.name, email: row.email, status: row.status, created_at: row.createdAt, updated_at: row.updatedAt };
}
