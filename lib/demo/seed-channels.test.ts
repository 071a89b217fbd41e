import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { channels } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { getDayBalance } from '@/lib/channels/day-balance';
import { seedClient } from '@/lib/clients/seed-client';
import { creditPartner } from '@/lib/ledger/money-in';
import { makePartner, systemFor, uniqueEmail } from '@/test/factories';
import { seedChannels } from './seed-channels';

describe('seedChannels', () => {
  it('gives a demo partner a channel in each state, every day accounted for', async () => {
    const partner = await makePartner('democh');
    const ctx = systemFor(partner.id);
    for (const name of ['Asha Traders', 'Bluebird Logistics', 'Coral Foods']) await seedClient(ctx, { name, email: uniqueEmail('democh'), status: 'active' });
    await creditPartner(systemCtx, { partnerId: partner.id, amount: 10_00_000_00n, reference: `UTR${Date.now()}` });
    await seedChannels(partner.id);
    const rows = await getDb().select().from(channels).where(eq(channels.partnerId, partner.id));
    const states = new Set(rows.map((row) => (row.status === 'active' ? `${row.mode}:${row.connection}` : row.status)));
    expect([...states].sort()).toEqual(['deleted', 'live:connected', 'live:logged_out', 'stopped', 'trial:failed', 'trial:initialising', 'trial:waiting_for_scan'].sort());
    const balance = await getDayBalance(ctx);
    expect(balance.balance + balance.inChannels).toBe(balance.bought);
    expect(balance.reclaimed).toBeGreaterThan(0);
  });
});
