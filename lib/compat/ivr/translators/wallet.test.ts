import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@/lib/api-keys/manage-api-keys';
import { allScopes } from '@/lib/api-keys/scopes';
import { seedClient } from '@/lib/clients/seed-client';
import { chargeClient } from '@/lib/ledger/charge-client';
import { simulateSandboxTopUp } from '@/lib/ledger/sandbox-helpers';
import { ensureSandbox } from '@/lib/partners/sandbox';
import { makePartner, systemFor, unique, uniqueEmail } from '@/test/factories';
import type { AvailableEndpoint } from '../endpoint';
import { ivrEndpoints } from '../endpoints';
import { ivrRouteHandlers } from '../route';

/** IVR Solutions' wallet endpoints over the route handler, each with its own example body (client id made real). */

type Envelope = { status: number; message: string; data?: unknown };

const example = (path: string) => structuredClone(ivrEndpoints.find((e) => e.path === path)!.example!);
const dataFieldsOf = (path: string) => (ivrEndpoints.find((e) => e.path === path) as AvailableEndpoint).data.fields.map((f) => f.name).sort();

let key: string;
let clientId: string;
let sandboxId: string;

async function post(path: string, body: unknown) {
  const response = await ivrRouteHandlers.POST(new Request(`http://localhost/partnerclients/${path}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }));
  return { status: response.status, json: (await response.json()) as Envelope };
}

function ok(answer: Awaited<ReturnType<typeof post>>, path: string) {
  expect(answer.status, JSON.stringify(answer.json)).toBe(200);
  const data = answer.json.data as Record<string, unknown> | Record<string, unknown>[];
  for (const item of Array.isArray(data) ? data : [data]) expect(Object.keys(item).sort()).toEqual(dataFieldsOf(path));
  return data;
}

beforeAll(async () => {
  const partner = await makePartner('ivr-wallet');
  key = (await createApiKey(systemFor(partner.id), { name: `IVR ${unique()}`, mode: 'test', scopes: [...allScopes] })).secret;
  sandboxId = await ensureSandbox(partner.id);
  clientId = (await seedClient(systemFor(sandboxId), { name: 'IVR Wallet Client', email: uniqueEmail('ivr'), status: 'active' })).id;
});

describe('IVR Solutions wallet endpoints', () => {
  it('add_client_credits: credit (rupees) and valid_till (India time) together; a credit with three decimals is refused by name', async () => {
    const body = { ...example('add_client_credits'), client_id: clientId, valid_till: '2099-12-31 23:59:59' };
    const data = ok(await post('add_client_credits', body), 'add_client_credits') as Record<string, unknown>;
    expect(data).toMatchObject({ client_id: clientId, balance: '500.00', balance_paise: 50_000, valid_till: '2099-12-31 23:59:59', expired: false });
    const bad = await post('add_client_credits', { ...body, credit: '12.345' });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/credit/);
    // Nothing moved with the refused request.
    expect((ok(await post('wallet_balance', { client_id: clientId }), 'wallet_balance') as Record<string, unknown>).balance).toBe('500.00');
  });

  it('wallet_transactions: the example’s filters (call, a date range, a DID), pages and limits', async () => {
    await simulateSandboxTopUp(systemFor(sandboxId), { amount: 1_000_000n });
    const did = example('wallet_transactions').did as string;
    await chargeClient(systemFor(sandboxId), { clientId, product: 'call_minute_outbound', quantity: 10, objectId: did });
    await chargeClient(systemFor(sandboxId), { clientId, product: 'call_minute_inbound', quantity: 10, objectId: '+911100000000' });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date());
    const calls = ok(await post('wallet_transactions', { ...example('wallet_transactions'), client_id: clientId, start_date: today, end_date: today }), 'wallet_transactions') as Record<string, unknown>[];
    expect(calls).toEqual([expect.objectContaining({ expense_type: 'charge', amount: '-9.00', did })]);
    const all = ok(await post('wallet_transactions', { client_id: clientId, page: '', limit: '' }), 'wallet_transactions') as Record<string, unknown>[];
    expect(all.map((t) => t.expense_type)).toEqual(['charge', 'charge', 'top_up']);
    const second = ok(await post('wallet_transactions', { client_id: clientId, page: '2', limit: '2' }), 'wallet_transactions') as Record<string, unknown>[];
    expect(second.map((t) => t.expense_type)).toEqual(['top_up']);
    expect((await post('wallet_transactions', { client_id: clientId, expense_type: 'lunch' })).status).toBe(400);
  });
});
