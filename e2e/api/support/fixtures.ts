import { test as base } from '@playwright/test';
import { everyScope } from './http';
import { OperatorConsole } from './operator';

export type Tenant = { id: string; slug: string; name: string; live: string; test: string };

async function tenant(console: OperatorConsole, prefix: string): Promise<Tenant> {
  const partner = await console.createPartner(prefix);
  const live = await console.createApiKey(partner.id, { name: 'Live, every scope', mode: 'live', scopes: everyScope });
  const test = await console.createApiKey(partner.id, { name: 'Test, every scope', mode: 'test', scopes: everyScope });
  return { ...partner, live, test };
}

/**
 * Worker-scoped, so the operator signs in and the two partners are made once for all API specs of a run:
 * `a` and `b`, each with a live and a test key holding every scope.
 */
export const test = base.extend<object, { operator: OperatorConsole; world: { a: Tenant; b: Tenant } }>({
  operator: [
    async ({ browser }, use) => {
      const console = await OperatorConsole.open(browser);
      await use(console);
      await console.close();
    },
    { scope: 'worker' },
  ],
  world: [
    async ({ operator }, use) => {
      await use({ a: await tenant(operator, 'alpha'), b: await tenant(operator, 'bravo') });
    },
    { scope: 'worker', timeout: 90_000 },
  ],
});

export { expect } from '@playwright/test';
