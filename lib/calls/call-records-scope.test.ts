import { describe, expect, it } from 'vitest';
import * as callRecordsRoute from '@/app/api/v1/call_records/route';
import { createApiKey } from '@/lib/api-keys/manage-api-keys';
import { hasScope, type Scope } from '@/lib/api-keys/scopes';
import { openApiDocument } from '@/lib/api/openapi/document';
import { makePartner, systemFor } from '@/test/factories';

async function listWith(scopes: Scope[]) {
  const partner = await makePartner('calls-scope');
  const { secret } = await createApiKey(systemFor(partner.id), { name: 'Calls scope', mode: 'live', scopes });
  const response = await callRecordsRoute.GET(new Request('http://localhost/api/v1/call_records', { headers: { authorization: `Bearer ${secret}` } }), { params: Promise.resolve({}) });
  return { status: response.status, body: (await response.json()) as { code?: string; object?: string } };
}

describe('who may read call records', () => {
  it('answers a key with calls:read, numbers:read or masking:read (or their write scopes), and refuses any other', async () => {
    for (const scopes of [['calls:read'], ['numbers:read'], ['numbers:write'], ['masking:read'], ['masking:write']] as Scope[][]) {
      expect((await listWith(scopes)).body).toMatchObject({ object: 'list' });
    }
    expect((await listWith(['clients:write', 'billing:write'])).body).toMatchObject({ code: 'insufficient_scope' });
  });

  it('does not widen numbers or masking scopes to each other, and says in the reference which scopes grant it', () => {
    expect(hasScope(['numbers:read'], 'masking:read')).toBe(false);
    expect(hasScope(['calls:read'], 'numbers:read')).toBe(false);
    const operation = openApiDocument().paths?.['/call_records']?.get;
    expect(operation?.security).toEqual([{ bearerAuth: ['calls:read'] }, { bearerAuth: ['numbers:read'] }, { bearerAuth: ['masking:read'] }]);
    expect(operation?.description).toContain('`numbers:read` and `masking:read` grant it too.');
  });
});
