import { apiUrl, call, everyScope, expectProblem } from './support/http';
import { expect, test } from './support/fixtures';
import { seedClients, sharedDatabase } from './support/shared-database';

type Operation = {
  method: string;
  path: string;
  params: { name: string; example?: string }[];
  /** Lists take `limit`: asking for the most they allow (up to 100) finds more and shows more. */
  limit?: number;
  body?: unknown;
  /** A list answers 200 always; a single resource without an id in its path (the sending domain) may be 404. */
  isList: boolean;
  /** Whether it answers JSON (an image answers raw bytes, or a problem when it has nothing to draw). */
  json: boolean;
};

type Doc = {
  paths: Record<string, Record<string, { parameters?: { in: string; name: string; schema?: { example?: string; maximum?: number } }[]; requestBody?: { content: Record<string, { example?: unknown }> }; responses?: Record<string, { content?: Record<string, { example?: { object?: string } }> }> }>>;
};

/** Every operation of the served document, with its path parameters and example body. */
async function operations(): Promise<Operation[]> {
  const doc = (await (await fetch(apiUrl('/openapi.json'))).json()) as Doc;
  // A stream (server-sent events) never ends, so it cannot be read like an answer; its own tests cover who sees it.
  const isStream = (op: unknown) => Object.values((op as { responses?: Record<string, { content?: Record<string, unknown> }> }).responses ?? {}).some((r) => r.content && 'text/event-stream' in r.content);
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).filter(([, op]) => !isStream(op)).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      params: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => ({ name: p.name, example: p.schema?.example })),
      limit: ((limit) => limit && Math.min(100, limit.schema?.maximum ?? 100))((op.parameters ?? []).find((p) => p.in === 'query' && p.name === 'limit')),
      body: op.requestBody?.content['application/json']?.example,
      isList: op.responses?.['200']?.content?.['application/json']?.example?.object === 'list',
      json: Object.values((op as { responses?: Record<string, { content?: Record<string, unknown> }> }).responses ?? {}).every((r) => !r.content || 'application/json' in r.content),
    })),
  );
}

const idPattern = /^([a-z]+)_[0-9a-z]{26}$/;
const prefixOf = (id: string | undefined) => id?.match(idPattern)?.[1];

/** Every `id` anywhere in a JSON answer, by type prefix. */
function harvest(value: unknown, into: Map<string, string>) {
  if (Array.isArray(value)) return value.forEach((item) => harvest(item, into));
  if (!value || typeof value !== 'object') return;
  for (const [key, inner] of Object.entries(value)) {
    const prefix = key === 'id' && typeof inner === 'string' ? prefixOf(inner) : undefined;
    if (prefix && !into.has(prefix)) into.set(prefix, inner as string);
    harvest(inner, into);
  }
}

function fill(op: Operation, ids: Map<string, string>): string | undefined {
  let missing = false;
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const param = op.params.find((p) => p.name === name);
    const id = ids.get(prefixOf(param?.example) ?? '');
    if (!id) missing = true;
    return id ?? '';
  });
  return missing ? undefined : path;
}

/**
 * The owner's sandbox gets one of everything the API can make, found by walking the document: every create
 * (POST without path parameters) with its documented example, then every list and action that the ids found
 * so far unlock, until nothing new turns up. Deletes and updates are never called here.
 */
async function resourcesOf(ownerKey: string, ops: Operation[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const done = new Set<Operation>();
  for (let round = 0; round < 4; round++) {
    const before = ids.size;
    for (const op of ops) {
      if (done.has(op) || op.method === 'DELETE' || op.method === 'PATCH') continue;
      // A sandbox reset would delete what the walk made so far; its own tests cover whose rows it touches.
      if (op.path === '/sandbox/reset') continue;
      const path = fill(op, ids);
      if (path === undefined) continue;
      done.add(op);
      const answer = await call(op.method, op.limit ? `${path}?limit=${op.limit}` : path, { key: ownerKey, body: op.body });
      // An action may refuse in the state it finds (a step out of order): fine, as long as it does not fail.
      expect(answer.status, `${op.method} ${path}: ${answer.text}`).toBeLessThan(500);
      harvest(answer.json, ids);
    }
    if (ids.size === before && round > 0) break;
  }
  return ids;
}

test('every operation with a path parameter answers 404 for another partner’s ids, and lists never show them', async ({ operator }) => {
  // Three keys, two probes each, for every operation with an id in its path: a few hundred round trips.
  test.setTimeout(480_000);
  const owner = await operator.createPartner('owner');
  const intruder = await operator.createPartner('intruder');
  const ownerKey = await operator.createApiKey(owner.id, { name: 'Owner sandbox', mode: 'test', scopes: everyScope });
  const attackers = {
    'another partner’s live key': await operator.createApiKey(intruder.id, { name: 'Intruder live', mode: 'live', scopes: everyScope }),
    'another partner’s test key': await operator.createApiKey(intruder.id, { name: 'Intruder test', mode: 'test', scopes: everyScope }),
    'the owner’s own live key': await operator.createApiKey(owner.id, { name: 'Owner live', mode: 'live', scopes: everyScope }),
  };

  const ops = await operations();
  if (sharedDatabase) {
    // Clients come from onboarding, which the API does not offer: write one into the sandbox directly.
    const sandbox = (await call('GET', '/partner', { key: ownerKey })).json.acting_partner_id as string;
    await seedClients(sandbox, 1);
  }
  const ids = await resourcesOf(ownerKey, ops);

  // Path parameters that name a partner's object (a TypeID); a product code names the shared catalogue, not a row
  // anyone owns, and is covered by its own validation.
  const withParams = ops.filter((op) => op.params.length && op.params.every((p) => prefixOf(p.example) !== undefined));
  expect(withParams.length).toBeGreaterThan(0);
  const standIns: string[] = [];
  const refusedForAnyId = new Set<string>();
  for (const op of withParams) {
    let path = fill(op, ids);
    if (path === undefined) {
      // Nothing of this kind could be made: a well-formed id of the right type still has to answer 404.
      standIns.push(`${op.method} ${op.path}`);
      path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => ids.get(prefixOf(op.params.find((p) => p.name === name)?.example) ?? '') ?? op.params.find((p) => p.name === name)!.example!);
    }
    const unknownPath = op.path.replace(/\{(\w+)\}/g, (_, name: string) => op.params.find((p) => p.name === name)!.example!);
    for (const [who, key] of Object.entries(attackers)) {
      const answer = await call(op.method, path, { key, body: op.body });
      const unknown = await call(op.method, unknownPath, { key, body: op.body });
      await test.step(`${op.method} ${op.path} with ${who}`, () => {
        // A foreign id must read exactly like one that does not exist: 404, or the refusal an operation gives
        // before it looks anything up (a test-only action called with a live key is 403 for any id; a body the
        // operation cannot accept, like the example upload that is not real audio, is 400 for any id).
        expect([400, 403, 404], answer.text).toContain(unknown.status);
        expectProblem(answer, unknown.status, unknown.json.code as string);
        if (unknown.status !== 404) refusedForAnyId.add(`${op.method} ${op.path} (${unknown.json.code} with ${who})`);
      });
    }
  }
  if (refusedForAnyId.size) test.info().annotations.push({ type: 'refused before lookup', description: [...refusedForAnyId].join('; ') });
  if (standIns.length) test.info().annotations.push({ type: 'stand-in ids', description: `No resource could be created for: ${standIns.join(', ')}${sharedDatabase ? '' : ' (clients need DATABASE_URL)'}` });

  // The ids were real: the owner still reaches every one of them (the attempts above changed nothing).
  for (const op of withParams.filter((o) => o.method === 'GET')) {
    const path = fill(op, ids);
    if (!path) continue;
    const status = (await call('GET', path, { key: ownerKey })).status;
    // An image of a state with nothing to draw (the QR code of a phone the walk connected) is a 409, not a 404.
    if (op.json) expect(status, `${op.method} ${path}`).toBe(200);
    else expect([200, 409], `${op.method} ${path}`).toContain(status);
  }

  // And no list of anyone else carries any of them.
  // Partner ids are identities, not resources: the owner's live key rightly knows its own.
  const ownerIds = [...ids].filter(([prefix]) => prefix !== 'ptn').map(([, id]) => id);
  for (const op of ops.filter((o) => o.method === 'GET' && !o.params.length)) {
    for (const [who, key] of Object.entries(attackers)) {
      // A report that needs its range (the commission report) is asked for today's.
      const today = new Date().toISOString().slice(0, 10);
      const query = op.path === '/partners/commissions' ? `?start_date=${today}&end_date=${today}` : op.limit ? `?limit=${op.limit}` : '';
      const answer = await call('GET', `${op.path}${query}`, { key });
      expect(op.isList ? [200] : [200, 404], `${op.path} with ${who}`).toContain(answer.status);
      for (const id of ownerIds) expect(answer.text, `${op.path} with ${who}`).not.toContain(id);
    }
  }
});
