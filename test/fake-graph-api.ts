import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Meta's Graph API that answers the documented shapes of the two reads a link makes:
 * `GET /{version}/{phone-number-id}?fields=…` (with Authorization: Bearer <token>) and
 * `GET /{version}/debug_token?input_token=…` (asked with the app token), and Meta's error envelope
 * `{"error": {message, type, code, error_subcode, fbtrace_id}}` for the tokens named below.
 */
export type FakeGraph = { url: string; requests: { path: string; query: Record<string, string>; authorization: string | undefined }[]; numbers: Map<string, Record<string, unknown>>; close: () => Promise<void> };

const errors: Record<string, { status: number; error: Record<string, unknown> }> = {
  expired: { status: 401, error: { message: 'Error validating access token: Session has expired on Tuesday, 01-Dec-26 10:00:00 PST.', type: 'OAuthException', code: 190, error_subcode: 463 } },
  invalid: { status: 401, error: { message: 'Invalid OAuth access token - Cannot parse access token', type: 'OAuthException', code: 190 } },
  noaccess: { status: 400, error: { message: "Unsupported get request. Object with ID '1029384756' does not exist, cannot be loaded due to missing permissions, or does not support this operation.", type: 'GraphMethodException', code: 100, error_subcode: 33 } },
  nopermission: { status: 403, error: { message: '(#200) Requires whatsapp_business_management permission to manage the object', type: 'OAuthException', code: 200 } },
  ratelimited: { status: 400, error: { message: '(#80007) There have been too many calls to this WhatsApp Business account.', type: 'OAuthException', code: 80007 } },
  unregistered: { status: 400, error: { message: '(#133010) Account not registered', type: 'OAuthException', code: 133010 } },
};

export const fakeAppToken = '1234567890|fake-app-secret-0123456789';

const errorFor = (token: string) => Object.entries(errors).find(([word]) => token.includes(`_${word}`))?.[1];

export const phoneNumberBody = (id: string) => ({
  verified_name: 'Acme Support',
  code_verification_status: 'VERIFIED',
  display_phone_number: '+91 11 4310 4501',
  quality_rating: 'GREEN',
  platform_type: 'CLOUD_API',
  throughput: { level: 'STANDARD' },
  id,
  name_status: 'APPROVED',
  status: 'CONNECTED',
  messaging_limit_tier: 'TIER_1K',
  account_mode: 'LIVE',
  health_status: {
    can_send_message: 'AVAILABLE',
    entities: [
      { entity_type: 'PHONE_NUMBER', id, can_send_message: 'AVAILABLE' },
      { entity_type: 'WABA', id: '104996122399160', can_send_message: 'AVAILABLE' },
      { entity_type: 'BUSINESS', id: '2729063490586005', can_send_message: 'AVAILABLE' },
      { entity_type: 'APP', id: '334121201945183', can_send_message: 'AVAILABLE' },
    ],
  },
});

function debugTokenBody(token: string) {
  const base = { app_id: '1234567890', type: 'SYSTEM_USER', application: 'Switchboard test app', data_access_expires_at: 0, user_id: '122100000000000000' };
  const failure = errorFor(token);
  if (failure && failure.error.code === 190) return { data: { ...base, error: { code: 190, message: failure.error.message, subcode: failure.error.error_subcode }, expires_at: 1_764_000_000, is_valid: false, scopes: [] } };
  const expiresAt = token.includes('_expiring') ? Math.floor(Date.now() / 1000) + 3 * 86_400 : 0;
  const waba = token.includes('_otherwaba') ? '999999999999999' : '104996122399160';
  return {
    data: {
      ...base,
      expires_at: expiresAt,
      is_valid: true,
      scopes: ['whatsapp_business_management', 'whatsapp_business_messaging', 'public_profile'],
      granular_scopes: [
        { scope: 'whatsapp_business_management', target_ids: [waba] },
        { scope: 'whatsapp_business_messaging', target_ids: [waba] },
      ],
    },
  };
}

const bearer = (request: IncomingMessage) => request.headers.authorization?.replace(/^Bearer /, '') ?? '';

export async function startFakeGraph(version = 'v26.0'): Promise<FakeGraph> {
  const requests: FakeGraph['requests'] = [];
  const numbers = new Map<string, Record<string, unknown>>();
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    requests.push({ path: url.pathname, query: Object.fromEntries(url.searchParams), authorization: request.headers.authorization });
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const [, pathVersion, node] = url.pathname.split('/');
    if (pathVersion !== version) return send(400, { error: { message: `Unknown path components: /${pathVersion}`, type: 'OAuthException', code: 2500 } });
    if (node === 'debug_token') {
      if (bearer(request) !== fakeAppToken) return send(400, { error: { message: 'Invalid OAuth access token signature.', type: 'OAuthException', code: 190 } });
      return send(200, debugTokenBody(url.searchParams.get('input_token') ?? ''));
    }
    const failure = errorFor(bearer(request));
    if (failure) return send(failure.status, { error: { ...failure.error, fbtrace_id: 'AbCdEf123' } });
    if (!url.searchParams.get('fields')?.includes('health_status')) return send(400, { error: { message: 'fields missing', code: 100 } });
    return send(200, numbers.get(node!) ?? phoneNumberBody(node!));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, numbers, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
