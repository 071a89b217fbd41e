import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { errorCatalogue } from '@/lib/errors/catalogue';
import { openApiDocument } from './document';
import { renderApiTypes, schemaTypesPath } from './render-types';

const doc = openApiDocument();
const apiRoot = path.resolve('app/api/v1');
const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Route files under app/api/v1 with their OpenAPI path: `[client_id]` becomes `{client_id}`, groups vanish. */
function routeFiles(dir = apiRoot): { file: string; apiPath: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      // The catch-all answers route_not_found and openapi.json is the document itself: neither is an operation.
      if (entry.name.startsWith('[[...') || entry.name === 'openapi.json') return [];
      return routeFiles(full);
    }
    if (entry.name !== 'route.ts') return [];
    const segments = path
      .relative(apiRoot, dir)
      .split(path.sep)
      .filter((s) => s && !/^\(.*\)$/.test(s))
      .map((s) => s.replace(/^\[(\w+)\]$/, '{$1}'));
    return [{ file: full, apiPath: `/${segments.join('/')}` }];
  });
}

/**
 * The methods a route file really serves. apiRoutes() answers the others with a 405 problem, and a served
 * method without credentials answers 401 before touching anything, so one request per method tells them apart.
 */
async function servedMethods(file: string): Promise<string[]> {
  const routeModule = (await import(file)) as Record<string, unknown>;
  const served: string[] = [];
  for (const method of methods) {
    const handler = routeModule[method];
    if (typeof handler !== 'function') continue;
    const response = (await handler(new Request('http://localhost/api/v1/coverage-probe', { method }), { params: Promise.resolve({}) })) as Response;
    if (response.status !== 405) served.push(method);
  }
  return served;
}

const documented = Object.entries(doc.paths ?? {}).flatMap(([apiPath, item]) =>
  Object.keys(item as object)
    .filter((key) => methods.includes(key.toUpperCase() as never))
    .map((method) => `${method.toUpperCase()} ${apiPath}`),
);

type Content = Record<string, { example?: unknown; examples?: Record<string, unknown> }>;

const operations = Object.entries(doc.paths ?? {}).flatMap(([apiPath, item]) =>
  Object.entries(item as Record<string, { summary?: string; description?: string; requestBody?: { content?: Content }; responses?: Record<string, { content?: Content }> }>).map(
    ([method, op]) => ({ name: `${method.toUpperCase()} ${apiPath}`, op }),
  ),
);

const withBody = operations.filter(({ op }) => op.requestBody);

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 with no findings under Redocly’s recommended rules', async () => {
    const config = await createConfig({
      extends: ['recommended'],
      // The API is for partners under their own agreements: a public licence in the document would be wrong.
      rules: { 'info-license': 'off' },
    });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: 'openapi.json', config });
    const findings = problems.map((p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer ?? '?'}: ${p.message}`);
    expect(findings).toEqual([]);
  });

  it('documents exactly the operations the route files under app/api/v1 serve', async () => {
    const served: string[] = [];
    for (const { file, apiPath } of routeFiles()) {
      for (const method of await servedMethods(file)) served.push(`${method} ${apiPath}`);
    }
    const undocumented = served.filter((op) => !documented.includes(op));
    const unserved = documented.filter((op) => !served.includes(op));
    expect(undocumented, 'served by a route but missing from the document: add its operations module to lib/api/openapi/registry.ts').toEqual([]);
    expect(unserved, 'in the document but no route file serves it').toEqual([]);
  }, 60_000);

  it('matches the generated client types (run `npm run api:types` after changing an operation)', async () => {
    const current = readFileSync(schemaTypesPath, 'utf8');
    expect(current === (await renderApiTypes()), `${schemaTypesPath} is out of date: run npm run api:types`).toBe(true);
  });

  it('has operations that take a request body', () => {
    expect(withBody.length).toBeGreaterThan(0);
  });

  // An example request is what a partner copies from the reference to try an operation.
  it.each(withBody)('$name has an example of its request body', ({ op }) => {
    expect(op.requestBody!.content?.['application/json']?.example, 'bodyExample in its operation').toBeDefined();
  });

  it.each(operations)('$name has a summary, a description, a success example and its error responses', ({ op }) => {
    expect(op.summary?.trim()).toBeTruthy();
    expect(op.description?.trim()).toBeTruthy();
    const statuses = Object.keys(op.responses ?? {}).map(Number);
    const success = statuses.find((status) => status < 300);
    expect(success, 'a 2xx response').toBeDefined();
    if (success !== 204) expect(Object.values(op.responses![String(success)]!.content ?? {})[0]?.example, 'an example of the success response').toBeDefined();

    const errors = statuses.filter((status) => status >= 400);
    expect(errors).toEqual(expect.arrayContaining([401, 429, 500]));
    for (const status of errors) {
      const examples = op.responses![String(status)]!.content?.['application/problem+json']?.examples ?? {};
      expect(Object.keys(examples).length, `examples of the ${status} problems`).toBeGreaterThan(0);
      for (const code of Object.keys(examples)) expect(errorCatalogue).toHaveProperty(code, expect.objectContaining({ status }));
    }
  });
});
