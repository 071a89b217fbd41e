import { sql, type SQL } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { clients, partners, registrations } from '@/db/schema';
import { seedClient } from '@/lib/clients/seed-client';
import { makePartner, systemFor, unique } from '@/test/factories';
import { containsLowered, containsText, searchText } from './search-text';

/** The plan PostgreSQL picks for `select 1 from <table> where <condition>` when it may not read the whole table. */
async function planOf(table: SQL, condition: SQL): Promise<string> {
  return getDb().transaction(async (tx) => {
    // On the few rows a test database holds a scan is cheapest; forbidding it shows whether an index can serve.
    await tx.execute(sql`set local enable_seqscan = off`);
    const result: unknown = await tx.execute(sql`explain select 1 from ${table} where ${condition}`);
    // postgres.js answers the rows, PGlite an object holding them.
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { 'QUERY PLAN': string }[];
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  });
}

describe('search expressions', () => {
  it.each([
    ['registrations', sql`${registrations}`, searchText(registrations.name, registrations.email), 'registrations_search_idx'],
    ['partners', sql`${partners}`, searchText(partners.name, partners.slug), 'partners_search_idx'],
  ])('are answered from the trigram index on %s', async (_, table, expression, index) => {
    expect(await planOf(table, containsText(expression, 'sharma'))).toContain(index);
  });

  it('are answered from an index on clients’ lower-cased search text: the trigram one, or the walk of the newest', async () => {
    expect(await planOf(sql`${clients}`, containsLowered(clients.searchText, 'Sharma'))).toMatch(/clients_search_idx|clients_partner_id_idx/);
  });

  it('find text anywhere in any of the columns, whatever its case, and take % and _ literally', async () => {
    const ctx = systemFor((await makePartner('srch')).id);
    const tag = unique();
    const client = await seedClient(ctx, { name: `Ravi Sharma ${tag}`, email: `ravi-${tag}@example.com`, status: 'active' });
    const find = async (text: string) => {
      const rows = await getDb().select({ id: clients.id }).from(clients).where(sql`${clients.partnerId} = ${ctx.partnerId} and ${containsLowered(clients.searchText, text)}`);
      return rows.map((row) => row.id);
    };
    expect(await find('SHARMA')).toEqual([client.id]);
    expect(await find(`ravi-${tag}@exa`)).toEqual([client.id]);
    expect(await find('%')).toEqual([]);
    expect(await find('r_vi')).toEqual([]);
  });
});
