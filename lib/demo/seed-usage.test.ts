import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { usageEvents } from '@/db/schema';
import { seedClient } from '@/lib/clients/seed-client';
import { clientUsage } from '@/lib/usage/client-usage';
import { partnerMetrics } from '@/lib/usage/partner-metrics';
import { verifyLedger } from '@/lib/ledger/verify-ledger';
import { previousPeriod, periodOf } from '@/lib/periods/ist-month';
import { makePartner, systemFor, uniqueEmail } from '@/test/factories';
import { seedMoney } from './seed-money';
import { seedUsage } from './seed-usage';

describe('demo usage history', () => {
  it('gives the charts months of revenue and usage, each charged usage naming its charge, and a ledger that verifies', { timeout: 120_000 }, async () => {
    const partner = await makePartner('demo-usage', { tier: 'premium' });
    const ctx = systemFor(partner.id);
    const client = await seedClient(ctx, { name: 'Demo Usage', email: uniqueEmail('demo'), status: 'active' });
    const now = new Date();
    await seedMoney(partner.id, now);
    await seedUsage(partner.id, now);
    const metrics = await partnerMetrics(ctx, {}, now);
    expect(metrics.months.filter((m) => m.retail > 0n).length).toBeGreaterThanOrEqual(4);
    const lastMonth = previousPeriod(periodOf(now)).key;
    const usage = await clientUsage(ctx, client.id, { month: lastMonth }, now);
    expect(usage.totals.call_minutes + usage.totals.masking_minutes).toBeGreaterThan(0n);
    expect(usage.totals.api_requests).toBeGreaterThan(0n);
    // The usage tab's messages: e-mails to this client, by channel.
    expect(usage.totals.messages).toBeGreaterThan(0n);
    expect(usage.messagesByChannel.map((row) => row.channel)).toEqual(['email']);
    expect(usage.charged.charges).toBeGreaterThan(0);
    const rows = await getDb().select().from(usageEvents).where(eq(usageEvents.partnerId, partner.id));
    expect(rows.filter((r) => r.kind === 'call_minutes' || r.kind === 'masking_minutes').every((r) => r.chargeId)).toBe(true);
    expect(rows.every((r) => r.rolledUp)).toBe(true);
    expect((await verifyLedger({ partnerId: partner.id })).ok).toBe(true);
  });
});
