import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLog, clients, events, ledgerAccounts, numbers } from '@/db/schema';
import { seedClient } from '@/lib/clients/seed-client';
import { creditPartner } from '@/lib/ledger/money-in';
import { systemCtx } from '@/lib/audit/context';
import { ensureSandbox } from '@/lib/partners/sandbox';
import { makePartner, makeStaff, systemFor, uniqueEmail } from '@/test/factories';
import { resetSandbox } from './reset-sandbox';

/** Every row of every table that carries this partner's id, as text: equal before and after means untouched. */
async function rowsOf(partnerId: string): Promise<string> {
  const db = getDb();
  const result = (await db.execute(sql`select table_name from information_schema.columns where column_name = 'partner_id' and table_schema = current_schema() order by table_name`)) as unknown as { table_name: string }[] | { rows: { table_name: string }[] };
  const tables = (Array.isArray(result) ? result : result.rows).map((row) => row.table_name);
  const parts: string[] = [];
  for (const table of tables) {
    const rows = (await db.execute(sql`select row_to_json(t)::text as j from ${sql.identifier(table)} t where partner_id = ${partnerId} order by 1`)) as unknown as { j: string }[] | { rows: { j: string }[] };
    parts.push(`${table}:${(Array.isArray(rows) ? rows : rows.rows).map((row) => row.j).join('|')}`);
  }
  return parts.join('\n');
}

describe('sandbox reset', () => {
  it('fills the sandbox with sample data, resets it again to the same shape, and leaves no row of the live partner touched', async () => {
    const partner = await makePartner('sbx');
    const live = systemFor(partner.id);
    await seedClient(live, { name: 'Live client', email: uniqueEmail('live'), status: 'active' });
    await creditPartner(systemCtx, { partnerId: partner.id, amount: 1_000_00n, reference: `SBX${Date.now()}`, memo: 'Live money' });
    const admin = await makeStaff(partner.id, 'admin');
    const liveBefore = await rowsOf(partner.id);
    const [liveNumbersBefore] = await getDb().select({ n: sql<number>`count(*)::int` }).from(numbers).where(eq(numbers.environment, 'live'));

    const first = await resetSandbox(admin.ctx);
    expect(first.contents).toMatchObject({ clients: 2, numbers: 2, agents: 4, channels: 1, charges: 4 });
    expect(first.contents.calls).toBeGreaterThanOrEqual(2);
    const sandboxId = await ensureSandbox(partner.id);
    expect(first.sandboxId).toBe(sandboxId);

    const firstEvents = (await getDb().select({ id: events.id }).from(events).where(eq(events.partnerId, sandboxId))).map((e) => e.id);
    expect(firstEvents.length).toBeGreaterThan(1);
    const second = await resetSandbox(admin.ctx);
    expect(second.contents).toEqual(first.contents);
    expect(second.removed.clients).toBe(2);
    expect(await getDb().select().from(clients).where(eq(clients.partnerId, sandboxId))).toHaveLength(2);

    expect(await rowsOf(partner.id)).toBe(liveBefore);
    const [liveNumbersAfter] = await getDb().select({ n: sql<number>`count(*)::int` }).from(numbers).where(eq(numbers.environment, 'live'));
    expect(liveNumbersAfter!.n).toBe(liveNumbersBefore!.n);
    // Every account the sample data moved money through is in the sandbox's own book.
    const sandboxAccounts = await getDb().select().from(ledgerAccounts).where(eq(ledgerAccounts.partnerId, sandboxId));
    expect(sandboxAccounts.length).toBeGreaterThan(0);
    // The first fill's events (and their webhook deliveries) went with its data; the trail of both resets stays.
    const eventsAfter = await getDb().select().from(events).where(eq(events.partnerId, sandboxId));
    expect(eventsAfter.filter((e) => firstEvents.includes(e.id))).toEqual([]);
    expect(eventsAfter.filter((e) => e.type === 'sandbox.reset')).toHaveLength(1);
    expect(second.removed.events).toBe(firstEvents.length);
    const audits = await getDb().select().from(auditLog).where(eq(auditLog.partnerId, sandboxId));
    expect(audits.filter((a) => a.action === 'sandbox.reset')).toHaveLength(2);
  }, 120_000);

  it('is for admins', async () => {
    const partner = await makePartner('sbx-m');
    const member = await makeStaff(partner.id, 'member');
    expect(await resetSandbox(member.ctx).catch((e) => e.code)).toBe('forbidden');
  });
});
