import { describe, expect, it } from 'vitest';
import { seedClient } from '@/lib/clients/seed-client';
import { getInvoice, invoicePdf, listInvoices } from '@/lib/invoices/read-invoices';
import { periodOf, previousPeriod } from '@/lib/periods/ist-month';
import { makePartner, systemFor, uniqueEmail } from '@/test/factories';
import { seedInvoiceHistory, seedInvoices } from './seed-invoices';
import { seedMoney } from './seed-money';

describe('demo invoices', () => {
  it('gives a partner the last two months’ invoices, to its clients and from the operator', { timeout: 90_000 }, async () => {
    const partner = await makePartner('demo-invoices');
    const ctx = systemFor(partner.id);
    await seedClient(ctx, { name: 'Demo Invoiced', email: uniqueEmail('demo'), status: 'active' });
    const now = new Date();
    const started = Date.now();
    await seedInvoiceHistory(partner.id, now);
    const history = Date.now();
    await seedMoney(partner.id, now);
    const money = Date.now();
    await seedInvoices(partner.id, 0, now);
    const seconds = (Date.now() - started) / 1000;
    console.info(`history ${(history - started) / 1000} s, money ${(money - history) / 1000} s, invoices ${(Date.now() - money) / 1000} s`);
    const lastMonth = previousPeriod(periodOf(now));
    const toClients = (await listInvoices(ctx, { limit: 100 })).data;
    const fromOperator = (await listInvoices(ctx, { issuer: 'operator', limit: 100 })).data;
    expect(new Set(toClients.filter((i) => i.kind === 'invoice').map((i) => i.period))).toEqual(new Set([previousPeriod(lastMonth).key, lastMonth.key]));
    expect(fromOperator.length).toBeGreaterThanOrEqual(2);
    // Left for the worker to finish; a download draws the PDF at once.
    expect(toClients.every((i) => i.status === 'draft')).toBe(true);
    const first = await getInvoice(ctx, toClients[0]!.id);
    expect((await invoicePdf(first)).content.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await getInvoice(ctx, first.id)).status).toBe('sent');
    console.info(`demo money and invoices seeded in ${seconds.toFixed(1)} s`);
  });
});
