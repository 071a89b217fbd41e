import { describe, expect, it } from 'vitest';
import { makePartner, systemFor, unique } from '@/test/factories';
import { listClients } from './manage-clients';
import { seedClient } from './seed-client';

async function partnerWithClients(count: number) {
  const partner = await makePartner('page');
  const ctx = systemFor(partner.id);
  const add = async () => (await seedClient(ctx, { name: `Client ${unique()}`, email: `c-${unique()}@example.com`, status: 'active' })).id;
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push(await add());
  return { ctx, ids, add };
}

const countOf = (ids: string[]) => ids.reduce((m, id) => m.set(id, (m.get(id) ?? 0) + 1), new Map<string, number>());

describe('listClients pagination', () => {
  it('walks forward (starting_after) through every row exactly once, newest first, while rows are added', async () => {
    const { ctx, ids, add } = await partnerWithClients(7);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 20; pages++) {
      const page = await listClients(ctx, { limit: 2, starting_after: cursor });
      seen.push(...page.data.map((c) => c.id));
      await add(); // a newer row: it must neither shift the rows still to come nor appear twice
      if (!page.has_more) break;
      cursor = page.data.at(-1)!.id;
    }
    // Id order is creation order (to the millisecond; rows of the same millisecond sort among themselves).
    expect(seen).toEqual([...ids].sort().reverse());
    expect([...countOf(seen).values()].every((n) => n === 1)).toBe(true);
  });

  it('walks back (ending_before) from the oldest row to the newest, each row once, including rows added meanwhile', async () => {
    const { ctx, ids, add } = await partnerWithClients(5);
    const added: string[] = [];
    const oldest = [...ids].sort()[0]!;
    const seen: string[] = [oldest];
    let cursor = oldest;
    for (let pages = 0; pages < 20; pages++) {
      const page = await listClients(ctx, { limit: 2, ending_before: cursor });
      expect(page.data.map((c) => c.id)).toEqual([...page.data.map((c) => c.id)].sort().reverse()); // still newest first
      seen.push(...page.data.map((c) => c.id));
      if (pages < 2) added.push(await add());
      if (!page.has_more) break;
      cursor = page.data[0]!.id;
    }
    expect([...seen].sort()).toEqual([...ids, ...added].sort());
    expect([...countOf(seen).values()].every((n) => n === 1)).toBe(true);
  });

  it('walks oldest first with order=asc, and refuses both cursors at once', async () => {
    const { ctx, ids } = await partnerWithClients(5);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await listClients(ctx, { limit: 3, order: 'asc', starting_after: cursor });
      seen.push(...page.data.map((c) => c.id));
      if (!page.has_more) break;
      cursor = page.data.at(-1)!.id;
    }
    expect(seen).toEqual([...ids].sort());
    await expect(listClients(ctx, { limit: 3, starting_after: ids[0], ending_before: ids[1] })).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('never shows another partner’s rows, whatever the cursor', async () => {
    const a = await partnerWithClients(2);
    const b = await partnerWithClients(2);
    const page = await listClients(b.ctx, { limit: 100, starting_after: a.ids[1] });
    expect(page.data.map((c) => c.id).filter((id) => a.ids.includes(id))).toEqual([]);
  });
});
