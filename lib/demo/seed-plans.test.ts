import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { workspaceCharges, workspaces } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { seedClient } from '@/lib/clients/seed-client';
import { creditPartner } from '@/lib/ledger/money-in';
import { verifyLedger } from '@/lib/ledger/verify-ledger';
import { makePartner, systemFor, unique, uniqueEmail } from '@/test/factories';
import { seedPlans } from './seed-plans';

describe('demo plans and workspaces', () => {
  it('gives a partner workspaces with renewals, an upgrade and pauses', async () => {
    const partner = await makePartner('demo-plans');
    const ctx = systemFor(partner.id);
    await creditPartner(systemCtx, { partnerId: partner.id, amount: '5000000', reference: `UTR${unique()}` });
    for (const name of ['Bluebird', 'Chai Point']) await seedClient(ctx, { name, email: uniqueEmail('demo-plans'), status: 'active' });
    await seedPlans(partner.id, new Date('2026-12-16T10:00:00+05:30'));
    const rows = await getDb().select().from(workspaces).where(eq(workspaces.partnerId, partner.id));
    expect(rows.map((w) => w.status).sort()).toEqual(['active', 'active', 'paused', 'paused']);
    const charges = await getDb().select().from(workspaceCharges).where(eq(workspaceCharges.partnerId, partner.id));
    expect(charges.filter((c) => c.kind === 'renewal').map((c) => c.period).sort()).toEqual(['2026-11', '2026-11', '2026-12', '2026-12']);
    expect(charges.some((c) => c.kind === 'upgrade')).toBe(true);
    expect((await verifyLedger({ partnerId: partner.id })).problems).toEqual([]);
  });
});
