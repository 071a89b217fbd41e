import { describe, expect, it } from 'vitest';
import { seedClient } from '@/lib/clients/seed-client';
import { commissionReport } from '@/lib/ledger/commission-report';
import { clientStatement, clientWallet, partnerBalances } from '@/lib/ledger/statements';
import { verifyLedger } from '@/lib/ledger/verify-ledger';
import { makePartner, systemFor, uniqueEmail } from '@/test/factories';
import { seedMoney } from './seed-money';

describe('demo money', () => {
  it('gives a partner a month of balances, transactions and commissions that verify', { timeout: 60_000 }, async () => {
    const partner = await makePartner('demo-money', { tier: 'premium' });
    const ctx = systemFor(partner.id);
    const client = await seedClient(ctx, { name: 'Demo Wallet', email: uniqueEmail('demo'), status: 'active' });
    await seedClient(ctx, { name: 'Paused Client', email: uniqueEmail('demo'), status: 'inactive' });
    const now = new Date();
    await seedMoney(partner.id, now);

    const balances = await partnerBalances(ctx, now);
    expect(balances.prepaid.balance).toBeGreaterThan(0n);
    expect(balances.prepaid.forecast.dailySpend).toBeGreaterThan(0n);
    expect(balances.days.balance).toBe(40n);
    const wallet = await clientWallet(ctx, client.id, now);
    expect(wallet.wallet.balance).toBeGreaterThan(0n);
    expect(wallet.days.balance).toBe(20n);
    expect(wallet.validTill!.getTime()).toBeGreaterThan(now.getTime());
    const statement = await clientStatement(ctx, client.id, { limit: 100 });
    expect(new Set(statement.data.map((line) => line.kind))).toEqual(new Set(['top_up', 'charge', 'refund']));
    // Spread over the month, not stamped today.
    const days = new Set(statement.data.map((line) => line.createdAt.toISOString().slice(0, 10)));
    expect(days.size).toBeGreaterThan(4);
    const month = await commissionReport(ctx, { startDate: new Date(now.getTime() - 31 * 86_400_000).toISOString().slice(0, 10), endDate: now.toISOString().slice(0, 10) });
    expect(month.totals.commission).toBeGreaterThan(0n);
    expect(month.series.length).toBeGreaterThan(4);
    expect((await verifyLedger({ partnerId: partner.id })).problems).toEqual([]);
  });
});
