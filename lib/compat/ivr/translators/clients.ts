import { getClientOperation, listClientsOperation, toClientResource, updateClientStatusOperation } from '@/lib/api/operations/clients';
import { listRegistrationsOperation } from '@/lib/api/operations/registrations';
import type { ApiCtx } from '@/lib/audit/context';
import { getClient, listClients, setClientStatus } from '@/lib/clients/manage-clients';
import { AppError } from '@/lib/errors/app-error';
import type { Page } from '@/lib/pagination/cursor';
import { listRegistrations } from '@/lib/onboarding/registration-queries';
import { available, type DataField } from '../endpoint';
import { text } from '../fields';
import { tempClientData } from './registration';

/** IVR Solutions' "Clients" group: the partner's clients, one client, its status, and registrations in progress. */

const group = 'Clients' as const;

/** A client in IVR Solutions' words, from the same client resource REST returns. */
const clientData: DataField[] = [
  { name: 'client_id', from: 'id', note: 'The client id (cli_…): what every other call takes as client_id.' },
  { name: 'name', from: 'name' },
  { name: 'email', from: 'email' },
  { name: 'status', from: 'status', map: (status) => (status === 'active' ? '1' : '0'), note: '"1" active, "0" inactive (or still onboarding), as update_status takes it.' },
  { name: 'state', from: 'status', note: 'Not an IVR Solutions field: active, inactive or pending, in words.' },
  { name: 'created_at', from: 'created_at' },
  { name: 'updated_at', from: 'updated_at' },
];

/**
 * IVR Solutions lists everything in one answer, where the REST API pages by 100: the pages are walked here, up to
 * `cap` items (a larger list answers with the first `cap` and says so; page it over /api/v1 instead).
 */
export const listCap = 5000;
export async function everyPage<T extends { id: string }>(page: (after: string | undefined) => Promise<Page<T>>): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = [];
  let after: string | undefined;
  for (;;) {
    const next = await page(after);
    items.push(...next.data);
    if (!next.has_more || !next.data.length) return { items, truncated: false };
    if (items.length >= listCap) return { items: items.slice(0, listCap), truncated: true };
    after = next.data.at(-1)!.id;
  }
}

const listed = (what: string, { items, truncated }: { items: unknown[]; truncated: boolean }) =>
  truncated ? `The first ${listCap} ${what}; page through the rest with the REST API` : `${items.length} ${what}`;

export const clients = available({
  group,
  method: 'GET',
  path: 'clients',
  summary: 'Get list of clients for the partner',
  rest: listClientsOperation,
  fields: {},
  data: { shape: 'list', fields: clientData },
  differences: [`Every client, newest first, up to ${listCap}; the REST operation pages by up to 100 and filters by status, search and date.`],
  call: (ctx: ApiCtx) => everyPage((after) => listClients(ctx, { limit: 100, starting_after: after, order: 'desc' })),
  resource: (result) => result.items.map(toClientResource),
  message: (result) => listed('clients', result),
});

export const client = available({
  group,
  method: 'GET',
  path: 'client/{client_id}',
  summary: 'Get client details',
  rest: getClientOperation,
  fields: { client_id: text('client_id', 'client_id', { in: 'path', note: 'client_id', difference: 'The client id (cli_…); another partner’s answers 404.' }) },
  data: { shape: 'object', fields: clientData },
  call: async (ctx, { client_id }) => toClientResource(await getClient(ctx, client_id)),
  message: () => 'Client details',
});

/** IVR Solutions sends no reason; Switchboard keeps one with every status change, so this one is recorded. */
export const defaultStatusReason = 'Changed through the IVR Solutions compatibility API, which sends no reason';

const statusWords: Record<string, 'active' | 'inactive'> = { '1': 'active', '0': 'inactive', active: 'active', inactive: 'inactive' };

export const updateStatus = available({
  group,
  method: 'POST',
  path: 'update_status',
  summary: 'Update client status (activate/deactivate)',
  example: { client_id: 'CLIENTAPIKEY12345', status: '1' },
  rest: updateClientStatusOperation,
  fields: {
    client_id: text('client_id', 'client_id', { difference: 'The client id (cli_…).' }),
    status: text('status', 'status', { difference: '"1" (or active) activates, "0" (or inactive) deactivates. A client still onboarding cannot be changed (409).' }),
    reason: text('reason', 'reason', { required: false, ivrRequired: false, difference: `Not an IVR Solutions field: when not sent, the recorded reason is “${defaultStatusReason}”.` }),
  },
  data: { shape: 'object', fields: clientData },
  call: async (ctx, { client_id, status, reason }) => {
    const word = statusWords[status.trim().toLowerCase()];
    if (!word) throw new AppError('validation_failed', 'status: Send "1" to activate or "0" to deactivate.', { status: 'Send "1" to activate or "0" to deactivate.' });
    return toClientResource(await setClientStatus(ctx, { clientId: client_id, status: word, reason: reason ?? defaultStatusReason }));
  },
  message: (result) => (result.status === 'active' ? 'Client activated' : 'Client deactivated'),
});

export const pending = available({
  group,
  method: 'GET',
  path: 'pending',
  summary: 'Get pending registrations (temp clients)',
  rest: listRegistrationsOperation,
  fields: {},
  data: { shape: 'list', fields: tempClientData },
  differences: [`Every pending registration, newest first, up to ${listCap}; the REST operation (with status=pending) pages and filters by stage.`],
  call: (ctx: ApiCtx) => everyPage((after) => listRegistrations(ctx, { status: 'pending', limit: 100, starting_after: after })),
  resource: (result) => result.items,
  message: (result) => listed('pending registrations', result),
});

export const clientsGroup = [clients, client, updateStatus, pending];
