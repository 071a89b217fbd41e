import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeAppToken, startFakeGraph, type FakeGraph } from '@/test/fake-graph-api';
import { CloudApiError } from './cloud-api-provider';
import { GraphAdapter } from './graph-adapter';

let graph: FakeGraph;
let adapter: GraphAdapter;

beforeAll(async () => {
  graph = await startFakeGraph('v26.0');
  adapter = new GraphAdapter({ baseUrl: graph.url, version: 'v26.0', appAccessToken: fakeAppToken });
});
afterAll(() => graph.close());

const failure = async (run: Promise<unknown>) => {
  const error = await run.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CloudApiError);
  return error as CloudApiError;
};

describe('the Graph API adapter against a local fake of Meta', () => {
  it('reads a number’s fields and health, with its business account', async () => {
    const number = await adapter.readPhoneNumber('1029384756', 'EAAG_good');
    expect(number).toMatchObject({ id: '1029384756', displayPhoneNumber: '+91 11 4310 4501', verifiedName: 'Acme Support', qualityRating: 'GREEN', throughputLevel: 'STANDARD', canSendMessage: 'AVAILABLE', wabaId: '104996122399160', messagingLimitTier: 'TIER_1K' });
    expect(number.entities.map((entity) => entity.entityType)).toEqual(['PHONE_NUMBER', 'WABA', 'BUSINESS', 'APP']);
    const request = graph.requests.at(-1)!;
    expect(request.path).toBe('/v26.0/1029384756');
    expect(request.query.fields!.split(',')).toEqual(expect.arrayContaining(['display_phone_number', 'verified_name', 'quality_rating', 'name_status', 'platform_type', 'throughput', 'status', 'messaging_limit_tier', 'health_status']));
    // The token travels in the header only, never in the URL.
    expect(request.authorization).toBe('Bearer EAAG_good');
    expect(JSON.stringify(request.query)).not.toContain('EAAG_good');
  });

  it('inspects a token with the app token: validity, expiry and the business accounts it reaches', async () => {
    const token = await adapter.debugToken('EAAG_expiring');
    expect(token).toMatchObject({ isValid: true, wabaIds: ['104996122399160'], error: null });
    expect(token.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 2 * 86_400_000);
    expect(graph.requests.at(-1)).toMatchObject({ path: '/v26.0/debug_token', authorization: `Bearer ${fakeAppToken}` });
    expect((await adapter.debugToken('EAAG_good')).expiresAt).toBeNull();
    expect(await adapter.debugToken('EAAG_expired')).toMatchObject({ isValid: false, error: { code: 190, subcode: 463 } });
  });

  it.each([
    ['EAAG_expired', 'token_expired', 190, 463],
    ['EAAG_invalid', 'token_invalid', 190, null],
    ['EAAG_noaccess', 'number_not_accessible', 100, 33],
    ['EAAG_nopermission', 'permission_missing', 200, null],
    ['EAAG_ratelimited', 'rate_limited', 80007, null],
    ['EAAG_unregistered', 'number_not_registered', 133010, null],
  ])('maps Meta’s error for %s to %s', async (token, reason, code, subcode) => {
    const error = await failure(adapter.readPhoneNumber('1029384756', token));
    expect(error).toMatchObject({ reason, metaCode: code, metaSubcode: subcode });
    expect(error.message).not.toContain(token);
  });

  it('uses the configured version', async () => {
    const old = new GraphAdapter({ baseUrl: graph.url, version: 'v25.0', appAccessToken: fakeAppToken });
    expect((await failure(old.readPhoneNumber('1029384756', 'EAAG_good'))).reason).toBe('provider_error');
    expect(graph.requests.at(-1)!.path).toBe('/v25.0/1029384756');
  });

  it('says Meta is unreachable when nothing answers', async () => {
    const nowhere = new GraphAdapter({ baseUrl: 'http://127.0.0.1:9', version: 'v26.0', timeoutMs: 2000 });
    expect((await failure(nowhere.readPhoneNumber('1', 'EAAG_good'))).reason).toBe('provider_unreachable');
  });
});
