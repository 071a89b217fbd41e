import { describe, expect, it } from 'vitest';
import { createApiClient } from './create-client';

function recordingFetch(status = 200, body: unknown = { object: 'list', data: [], has_more: false }) {
  const seen: Request[] = [];
  const fetch = async (request: Request) => {
    seen.push(request);
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' } });
  };
  return { seen, fetch };
}

describe('createApiClient', () => {
  it('sends the key as a Bearer token to the API root, whether given a host or the root itself', async () => {
    for (const baseUrl of ['https://console.acme.example', 'https://console.acme.example/', 'https://console.acme.example/api/v1']) {
      const { seen, fetch } = recordingFetch();
      const api = createApiClient({ baseUrl, apiKey: 'sk_test_abc', fetch, headers: { 'X-Partner-ID': 'ptn_1' } });
      const { data } = await api.GET('/clients', { params: { query: { limit: 5, status: 'active' } } });
      expect(data).toEqual({ object: 'list', data: [], has_more: false });
      expect(seen[0]!.url).toBe('https://console.acme.example/api/v1/clients?limit=5&status=active');
      expect(seen[0]!.headers.get('authorization')).toBe('Bearer sk_test_abc');
      expect(seen[0]!.headers.get('x-partner-id')).toBe('ptn_1');
    }
  });

  it('hands problem details back as `error`, typed by the document', async () => {
    const problem = { type: '/docs/api/errors#not_found', title: 'Not found', status: 404, detail: 'Client was not found.', code: 'not_found', request_id: 'req_1' };
    const { fetch } = recordingFetch(404, problem);
    const api = createApiClient({ baseUrl: 'https://x.example', apiKey: 'sk_live_abc', fetch });
    const { data, error, response } = await api.GET('/clients/{client_id}', { params: { path: { client_id: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t' } } });
    expect(response.status).toBe(404);
    expect(data).toBeUndefined();
    expect(error?.code).toBe('not_found');
  });
});
