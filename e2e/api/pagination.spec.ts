import { apiClient, call, expectProblem } from './support/http';
import { expect, test } from './support/fixtures';
import { seedClients, sharedDatabase } from './support/shared-database';

type Page = { data: { id: string }[]; has_more: boolean };

async function page(key: string, path: string, query: Record<string, string | number>): Promise<Page> {
  const answer = await call('GET', `${path}?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`, { key });
  expect(answer.status, answer.text).toBe(200);
  return answer.json as unknown as Page;
}

/** Pages through a list in one direction, calling `between` after each page; returns the ids in the order seen. */
async function walk(key: string, path: string, direction: 'starting_after' | 'ending_before', start: string | undefined, between: () => Promise<unknown> = async () => {}) {
  const seen: string[] = [];
  let cursor = start;
  for (let pages = 0; pages < 50; pages++) {
    const result = await page(key, path, { limit: 2, ...(cursor ? { [direction]: cursor } : {}) });
    seen.push(...result.data.map((item) => item.id));
    await between();
    if (!result.has_more) return seen;
    cursor = direction === 'starting_after' ? result.data.at(-1)!.id : result.data[0]!.id;
  }
  throw new Error('the walk did not end');
}

const once = (ids: string[]) => new Set(ids).size === ids.length;

test('limit must be 1–100', async ({ world }) => {
  for (const [path, key] of [['/clients', world.a.live], ['/events', world.a.test]] as const) {
    for (const limit of ['0', '101', '-1', 'ten', '2.5']) {
      const answer = expectProblem(await call('GET', `${path}?limit=${limit}`, { key }), 400, 'validation_failed');
      expect(answer.errors?.[0]?.pointer).toBe('/query/limit');
    }
    for (const limit of [1, 100]) expect((await call('GET', `${path}?limit=${limit}`, { key })).status).toBe(200);
  }
  const both = expectProblem(await call('GET', '/events?starting_after=evt_01kaz3d4mqf2v8n6w0c1e5rj7t&ending_before=evt_01kaz3d4mqf2v8n6w0c1e5rj7t', { key: world.a.test }), 400, 'validation_failed');
  expect(both.errors?.[0]?.pointer).toBe('/query/ending_before');
});

test('walking /events sees every event exactly once, in both directions, while events are added', async ({ operator }) => {
  const partner = await operator.createPartner('pages');
  const key = await operator.createApiKey(partner.id, { name: 'Pager', mode: 'test', scopes: ['webhooks:write', 'events:read'] });
  const api = apiClient(key);
  const endpoint = (await api.POST('/webhook_endpoints', { body: { url: 'https://hooks.example.test/pages', event_types: ['*'] } })).data!;
  const addEvent = async () => {
    const { response } = await api.POST('/webhook_endpoints/{endpoint_id}/test', { params: { path: { endpoint_id: endpoint.id } } });
    expect(response.status).toBe(202);
  };
  for (let i = 0; i < 7; i++) await addEvent();
  const before = (await page(key, '/events', { limit: 100 })).data.map((e) => e.id);
  expect(before).toHaveLength(7);

  // Forward, newest first: events added meanwhile are newer than the walk and never shift it.
  const forward = await walk(key, '/events', 'starting_after', undefined, addEvent);
  expect(forward).toEqual(before);

  // Back from the oldest towards the newest: everything newer than the start, once, including the new ones.
  const all = (await page(key, '/events', { limit: 100 })).data.map((e) => e.id);
  const oldest = all.at(-1)!;
  const backward = await walk(key, '/events', 'ending_before', oldest, addEvent);
  expect(once(backward)).toBe(true);
  expect(backward).toEqual(expect.arrayContaining(all.slice(0, -1)));
  expect(backward).not.toContain(oldest);
});

test('walking /clients one at a time visits each client once, both ways', async ({ operator, world }) => {
  let key = world.a.live;
  let expected: string[] = [];
  if (sharedDatabase) {
    const partner = await operator.createPartner('clients');
    key = await operator.createApiKey(partner.id, { name: 'Clients', mode: 'live', scopes: ['clients:read'] });
    expected = (await seedClients(partner.id, 4)).sort().reverse();
  } else {
    test.info().annotations.push({ type: 'note', description: 'No DATABASE_URL: clients cannot be created through the API, so the walk covers an empty list.' });
  }
  const forward: string[] = [];
  let cursor: string | undefined;
  for (;;) {
    const result = await page(key, '/clients', { limit: 1, ...(cursor ? { starting_after: cursor } : {}) });
    expect(result.data.length).toBeLessThanOrEqual(1);
    forward.push(...result.data.map((c) => c.id));
    if (!result.has_more) break;
    cursor = result.data[0]!.id;
  }
  expect(forward).toEqual(expected);
  if (expected.length) {
    const backward = await walk(key, '/clients', 'ending_before', expected.at(-1));
    // Pages come newest first within themselves and from old to new between them.
    expect([...backward].sort()).toEqual(expected.slice(0, -1).sort());
    expect(once(backward)).toBe(true);
  }
});
