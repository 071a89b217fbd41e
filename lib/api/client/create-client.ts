import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, paths };
export type ApiClient = Client<paths>;

export type ApiClientOptions = {
  /** Where the API is: a host (`https://console.acme.example`) or its API root (`…/api/v1`). */
  baseUrl: string;
  /** A partner API key, `sk_live_…` or `sk_test_…`. */
  apiKey: string;
  /** Another fetch (a test double, a proxy-aware one); the global fetch by default. */
  fetch?: (input: Request) => Promise<Response>;
  /** Sent with every request, e.g. `{ 'X-Partner-ID': 'ptn_…' }`. */
  headers?: Record<string, string>;
};

/**
 * A typed client of the partner REST API: paths, parameters, bodies and responses are checked against
 * schema.d.ts, which is generated from the same OpenAPI document the server publishes.
 *
 *   const api = createApiClient({ baseUrl: 'https://console.acme.example', apiKey });
 *   const { data, error } = await api.GET('/clients/{client_id}', { params: { path: { client_id } } });
 */
export function createApiClient({ baseUrl, apiKey, fetch, headers }: ApiClientOptions): ApiClient {
  const root = baseUrl.replace(/\/+$/, '');
  return createClient<paths>({
    baseUrl: root.endsWith('/api/v1') ? root : `${root}/api/v1`,
    headers: { ...headers, Authorization: `Bearer ${apiKey}` },
    ...(fetch ? { fetch } : {}),
  });
}
