import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlivoInventory } from './inventory-plivo';

/**
 * A local stand-in for Plivo's number API, answering as its documentation shows: Basic auth on every call,
 * `GET …/PhoneNumber/?country_iso&type&pattern&limit&offset` with `meta` and `objects`, `POST …/PhoneNumber/{n}/`
 * answering 201 `{ status: "fulfilled" | "pending", numbers: [{ number, status: "Success" }] }` or 404 when the
 * number is gone, `DELETE …/Number/{n}/` answering 204.
 */
const authId = 'MAFAKEAUTHID0000000';
const authToken = 'fake-token-0123456789';
const forSale = ['911143104501', '911143104599', '911161234501', '919810012345', '9118001234567'];
const rented = new Set<string>();
const seen: { method: string; url: string; auth: string | undefined }[] = [];
let server: Server;
let baseUrl: string;

function reply(res: import('node:http').ServerResponse, status: number, body?: unknown) {
  res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

function handle(req: IncomingMessage, res: import('node:http').ServerResponse) {
  const url = new URL(req.url!, 'http://fake');
  seen.push({ method: req.method!, url: url.pathname + url.search, auth: req.headers.authorization });
  if (req.headers.authorization !== `Basic ${Buffer.from(`${authId}:${authToken}`).toString('base64')}`) return reply(res, 401, { api_id: 'x', error: 'Authentication failed' });
  const prefix = `/v1/Account/${authId}/`;
  if (!url.pathname.startsWith(prefix)) return reply(res, 404, { api_id: 'x', error: 'not found' });
  const rest = url.pathname.slice(prefix.length);
  if (req.method === 'GET' && rest === 'PhoneNumber/') {
    const type = url.searchParams.get('type');
    const pattern = url.searchParams.get('pattern') ?? '';
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const limit = Math.min(20, Number(url.searchParams.get('limit') ?? 20));
    const matching = forSale
      .filter((n) => !rented.has(n) && n.startsWith(`91${pattern}`))
      .filter((n) => !type || (type === 'tollfree' ? n.startsWith('911800') : type === 'mobile' ? n.startsWith('919') : !n.startsWith('911800') && !n.startsWith('919')));
    const page = matching.slice(offset, offset + limit);
    return reply(res, 200, {
      api_id: 'search',
      meta: { limit, offset, total_count: matching.length, previous: null, next: offset + limit < matching.length ? `next` : null },
      objects: page.map((number) => ({ number, prefix: number.slice(2, 4), country: 'INDIA', region: 'DELHI, INDIA', type: number.startsWith('911800') ? 'tollfree' : number.startsWith('919') ? 'mobile' : 'fixed', sub_type: 'local', setup_rate: '0.00000', monthly_rental_rate: '3.00000', restriction: null })),
    });
  }
  const buy = /^PhoneNumber\/(\d+)\/$/.exec(rest);
  if (req.method === 'POST' && buy) {
    const number = buy[1]!;
    if (!forSale.includes(number) || rented.has(number)) return reply(res, 404, { api_id: 'buy', error: 'Number not available for purchase' });
    rented.add(number);
    return reply(res, 201, { api_id: 'buy', message: 'created', numbers: [{ number, status: 'Success' }], status: number.endsWith('99') ? 'pending' : 'fulfilled' });
  }
  const owned = /^Number\/(\d+)\/$/.exec(rest);
  if (owned && req.method === 'GET') return rented.has(owned[1]!) && !owned[1]!.endsWith('99') ? reply(res, 200, { number: owned[1] }) : reply(res, 404, { api_id: 'get', error: 'not found' });
  if (owned && req.method === 'DELETE') {
    if (!rented.delete(owned[1]!)) return reply(res, 404, { api_id: 'del', error: 'not found' });
    return reply(res, 204);
  }
  return reply(res, 405, { api_id: 'x', error: 'method not allowed' });
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const plivo = () => new PlivoInventory({ authId, authToken, baseUrl });

describe('the Plivo inventory adapter, against a fake that follows Plivo’s documentation', () => {
  it('searches a circle by its STD code with Basic auth, and applies "ends with" itself', async () => {
    const found = await plivo().search({ country: 'IN', region: 'DL', type: 'local', pattern: '4501', mode: 'ends_with', limit: 20 });
    expect(found.map((n) => n.e164)).toEqual(['+911143104501', '+911161234501']);
    expect(found[0]).toMatchObject({ country: 'IN', region: 'DL', type: 'local' });
    const call = seen.find((s) => s.url.includes('PhoneNumber/?'))!;
    expect(call.url).toContain('country_iso=IN');
    expect(call.url).toContain('type=local');
    expect(call.url).toContain('pattern=11');
    expect(call.auth).toMatch(/^Basic /);
  });

  it('passes a starts-with pattern to Plivo and maps toll-free numbers', async () => {
    const found = await plivo().search({ country: 'IN', type: 'toll_free', pattern: '1800', mode: 'starts_with', limit: 5 });
    expect(found).toEqual([{ e164: '+9118001234567', country: 'IN', region: 'IN', type: 'toll_free' }]);
  });

  it('buys a number (fulfilled → active), says "taken" when Plivo no longer sells it, and unrents it', async () => {
    const carrier = plivo();
    expect(await carrier.provision({ e164: '+911143104501', reference: 'npu_1' })).toEqual({ status: 'active', carrierRef: '911143104501' });
    expect((await carrier.provision({ e164: '+911143104501', reference: 'npu_2' })).status).toBe('taken');
    expect(await carrier.release({ e164: '+911143104501', carrierRef: '911143104501' })).toEqual({ status: 'released' });
    // Releasing what Plivo no longer has is not an error.
    expect(await carrier.release({ e164: '+911143104501', carrierRef: '911143104501' })).toEqual({ status: 'released' });
    expect(seen.some((s) => s.method === 'DELETE' && s.url.endsWith('/Number/911143104501/'))).toBe(true);
  });

  it('keeps a pending order (verification needed) pending until the number is on the account', async () => {
    const carrier = plivo();
    const result = await carrier.provision({ e164: '+911143104599', reference: 'npu_3' });
    expect(result.status).toBe('pending');
    expect((await carrier.provisioningStatus({ e164: '+911143104599', carrierRef: '911143104599', reference: 'npu_3' })).status).toBe('pending');
  });

  it('refuses with wrong credentials rather than pretending to find nothing', async () => {
    const wrong = new PlivoInventory({ authId, authToken: 'wrong-token-000', baseUrl });
    await expect(wrong.search({ country: 'IN', limit: 5 })).rejects.toThrow(/401/);
  });
});
