import { describe, expect, it } from 'vitest';
import { createApiKey, revokeApiKey } from '@/lib/api-keys/manage-api-keys';
import { describePartner } from '@/lib/partners/describe-partner';
import { ensureSandbox } from '@/lib/partners/sandbox';
import { makePartner, makeStaff, systemFor } from '@/test/factories';
import { listApiRequests } from './list-api-requests';
import { getPartnerOperation } from './operations/partner';
import { flushApiRequests, recordApiRequest } from './request-log';
import { apiRoute } from './route';

async function logRequests(partnerId: string, statuses: number[]) {
  for (const [index, status] of statuses.entries()) {
    recordApiRequest({ partnerId, method: 'GET', path: `/api/v1/partner?n=${index}`, status, durationMs: 5, requestId: `req-${partnerId}-${index}`, errorCode: status >= 400 ? 'some_error' : null });
    // One flush per row: ids come from the insert, and the order under test is insertion order.
    await flushApiRequests();
  }
}

describe('listApiRequests', () => {
  it("lists only the context's partner's requests, newest first, with a total", async () => {
    const live = await makePartner('req');
    const other = await makePartner('req');
    const sandbox = await ensureSandbox(live.id);
    await logRequests(live.id, [200, 201, 404]);
    await logRequests(sandbox, [200]);
    await logRequests(other.id, [500]);

    const owner = await makeStaff(live.id, 'member');
    const { rows, total } = await listApiRequests(owner.ctx);
    expect(total).toBe(3);
    expect(rows.map((row) => row.status)).toEqual([404, 201, 200]);
    expect(rows.every((row) => row.requestId.startsWith(`req-${live.id}`))).toBe(true);

    const sandboxRows = await listApiRequests(systemFor(sandbox));
    expect(sandboxRows.rows.map((row) => row.requestId)).toEqual([`req-${sandbox}-0`]);
  });

  it('filters by status class and pages', async () => {
    const partner = await makePartner('req');
    await logRequests(partner.id, [200, 204, 400, 401, 503]);
    const ctx = systemFor(partner.id);
    expect((await listApiRequests(ctx, { statusClass: '2xx' })).rows.map((row) => row.status)).toEqual([204, 200]);
    expect((await listApiRequests(ctx, { statusClass: '4xx' })).rows.map((row) => row.status)).toEqual([401, 400]);
    expect((await listApiRequests(ctx, { statusClass: '5xx' })).rows.map((row) => row.status)).toEqual([503]);

    const second = await listApiRequests(ctx, { page: 2, pageSize: 2 });
    expect(second).toMatchObject({ total: 5, rows: [expect.objectContaining({ status: 400 }), expect.objectContaining({ status: 204 })] });
    expect((await listApiRequests(ctx, { newestFirst: false, pageSize: 1 })).rows[0]!.status).toBe(200);
  });

  it("refuses another partner's staff", async () => {
    const partner = await makePartner('req');
    const stranger = await makeStaff((await makePartner('req')).id, 'owner');
    await expect(listApiRequests({ ...stranger.ctx, partnerId: partner.id })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('the request log of refused keys', () => {
  it("shows a revoked key's refusals to its partner, and an unknown key's to nobody", async () => {
    const partner = await makePartner('req');
    const owner = await makeStaff(partner.id, 'owner');
    const { apiKey: { id }, secret } = await createApiKey(owner.ctx, { name: 'Old integration', mode: 'live', scopes: ['clients:read'] });
    await revokeApiKey(owner.ctx, id);
    const handler = apiRoute(getPartnerOperation, ({ ctx }) => describePartner(ctx));
    const call = (token: string) => handler(new Request('http://localhost/api/v1/partner', { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });

    expect((await call(secret)).status).toBe(401);
    // Within the second, further refusals of the same key are answered but not logged again.
    expect((await call(secret)).status).toBe(401);
    expect((await call(`sk_live_${'x'.repeat(32)}`)).status).toBe(401);
    await flushApiRequests();

    const { rows } = await listApiRequests(owner.ctx);
    expect(rows).toEqual([expect.objectContaining({ status: 401, errorCode: 'api_key_revoked', apiKeyId: id, path: '/api/v1/partner' })]);
  });
});
