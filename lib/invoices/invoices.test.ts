import { and, eq, sql } from 'drizzle-orm';
import { extractText } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { invoices } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { seedClient } from '@/lib/clients/seed-client';
import { chargeClient } from '@/lib/ledger/charge-client';
import { addClientCredits } from '@/lib/ledger/client-credits';
import { atLedgerTime } from '@/lib/ledger/clock';
import { creditPartner } from '@/lib/ledger/money-in';
import { refundCharge } from '@/lib/ledger/refund-charge';
import { sqlRows } from '@/lib/ledger/sql-rows';
import { periodFromKey } from '@/lib/periods/ist-month';
import { setRetailPrice } from '@/lib/prices/price-book';
import { makePartner, systemFor, unique, uniqueEmail } from '@/test/factories';
import { createInvoice, generateMonth } from './generate';
import { taxDocument } from './gst';
import { financialYearOf, formatInvoiceNumber } from './numbering';
import { getInvoice, invoicePdf, listInvoices } from './read-invoices';
import { setClientBillingDetails, setPartnerTaxProfile } from './tax-profiles';

const october = periodFromKey('2026-10');
const inOctober = (day: number, hour = 12) => new Date(`2026-10-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+05:30`);

// A Maharashtra partner; one client in Maharashtra without a GSTIN (its state on record), one registered in Karnataka.
async function setup(clientCount = 2) {
  const partner = await makePartner('invoices');
  const ctx = systemFor(partner.id);
  await setPartnerTaxProfile(ctx, { legalName: `Acme Telecom ${unique()} Pvt Ltd`, address: '12 Marine Drive, Mumbai', stateCode: '27', pin: '400002', gstin: '27AAACA1234A1ZK' });
  await creditPartner(systemCtx, { partnerId: partner.id, amount: '10000000', reference: `UTR${unique()}` });
  const clients = [];
  for (let i = 0; i < clientCount; i++) {
    const client = await seedClient(ctx, { name: `Client ${i} ${unique()}`, email: uniqueEmail('inv'), status: 'active' });
    await addClientCredits(ctx, { clientId: client.id, amount: '1000000' });
    clients.push(client);
  }
  return { partner, ctx, clients };
}

const ledgerTotal = async (partnerId: string, walletOf: string | null) =>
  BigInt(
    (
      await sqlRows<{ total: string }>(
        getDb(),
        sql`select coalesce(sum(t.amount), 0)::text as total from ledger_transfers t join ledger_accounts d on d.id = t.debit_account_id
          where t.partner_id = ${partnerId} and t.kind in ('charge', 'purchase') and t.unit = 'inr' and t.created_at >= ${october.start.toISOString()}::timestamptz and t.created_at < ${october.end.toISOString()}::timestamptz
          and ${walletOf ? sql`d.kind = 'client_wallet' and d.client_id = ${walletOf}` : sql`d.kind = 'partner_prepaid'`}`,
      )
    )[0]!.total,
  );

describe('monthly GST invoices', () => {
  it('totals equal the lines and the ledger’s charges to the paisa, with CGST+SGST in-state and IGST across states', async () => {
    const { partner, ctx, clients } = await setup();
    const [local, karnataka] = clients as [(typeof clients)[0], (typeof clients)[0]];
    await setClientBillingDetails(ctx, local.id, { legalName: local.name, address: '4 Park Street, Pune', stateCode: '27' });
    await setClientBillingDetails(ctx, karnataka.id, { legalName: karnataka.name, address: '7 MG Road, Bengaluru', stateCode: '29', gstin: '29AABCK5678L1ZU' });
    await setRetailPrice(ctx, { product: 'call_minute_outbound', amount: 97n });
    for (const client of clients) {
      await atLedgerTime(inOctober(3), () => chargeClient(ctx, { clientId: client.id, product: 'number_rental_local', objectId: 'num-1' }));
      await atLedgerTime(inOctober(9), () => chargeClient(ctx, { clientId: client.id, product: 'call_minute_outbound', quantity: 133 }));
      await atLedgerTime(inOctober(20), () => chargeClient(ctx, { clientId: client.id, product: 'call_minute_outbound', quantity: 41 }));
      await atLedgerTime(inOctober(21), () => chargeClient(ctx, { clientId: client.id, product: 'call_minute_inbound', quantity: 7 }));
    }
    // Outside the month (00:10 IST on 1 November): not on October's invoice.
    await atLedgerTime(new Date('2026-11-01T00:10:00+05:30'), () => chargeClient(ctx, { clientId: local.id, product: 'call_minute_inbound', quantity: 5 }));

    const result = await generateMonth(october, { partnerId: partner.id, now: new Date('2026-11-01T01:00:00+05:30') });
    expect(result).toMatchObject({ created: 3, failed: 0 });
    const rows = await getDb().select().from(invoices).where(eq(invoices.partnerId, partner.id));
    for (const invoice of rows) {
      expect(invoice.status).not.toBe('draft');
      expect(invoice.total).toBe(await ledgerTotal(partner.id, invoice.clientId));
      expect(invoice.taxable + invoice.cgst + invoice.sgst + invoice.igst + invoice.rounding).toBe(invoice.total);
      expect(invoice.lines.reduce((sum, line) => sum + BigInt(line.gross), 0n)).toBe(invoice.total);
      expect(invoice.lines.reduce((sum, line) => sum + BigInt(line.taxable), 0n)).toBe(invoice.taxable);
      expect(invoice.number.length).toBeLessThanOrEqual(16);
    }
    const byClient = (id: string | null) => rows.find((r) => r.clientId === id)!;
    expect(byClient(local.id)).toMatchObject({ supply: 'intra', placeOfSupply: '27', igst: 0n });
    expect(byClient(local.id).cgst).toBeGreaterThan(0n);
    expect(byClient(local.id).cgst).toBe(byClient(local.id).sgst);
    expect(byClient(karnataka.id)).toMatchObject({ supply: 'inter', placeOfSupply: '29', cgst: 0n, sgst: 0n });
    expect(byClient(karnataka.id).buyer.gstin).toBe('29AABCK5678L1ZU');
    // Two rates for outbound minutes would be two lines; one rate is one line with the month's quantity.
    expect(byClient(local.id).lines.find((l) => l.product === 'call_minute_outbound')).toMatchObject({ quantity: 174, unitRate: '97', sac: '998423' });
    // The operator's invoice to the partner covers the wholesale side.
    const wholesale = byClient(null);
    expect(wholesale).toMatchObject({ issuer: 'operator', seriesOwner: 'operator' });
    expect(wholesale.buyer.gstin).toBe('27AAACA1234A1ZK');

    // Running again (a second worker, a "generate now") makes nothing new.
    expect(await generateMonth(october, { partnerId: partner.id })).toMatchObject({ created: 0, existing: 3 });
    const page = await listInvoices(ctx, { period: '2026-10' });
    expect(page.data.map((r) => r.clientId).sort()).toEqual([local.id, karnataka.id].sort());
  });

  it('numbers 20 concurrent generations consecutively, without gaps or duplicates, and makes each document once', async () => {
    const { partner, ctx, clients } = await setup(20);
    for (const client of clients) await atLedgerTime(inOctober(5), () => chargeClient(ctx, { clientId: client.id, product: 'agent_seat_month' }));
    const side = (clientId: string) => ({ issuer: 'partner' as const, partnerId: partner.id, clientId });
    const now = new Date('2026-11-01T00:30:00+05:30');
    // Every client twice at once: 40 generations racing, 20 documents.
    const made = await Promise.all([...clients, ...clients].map((client) => createInvoice(side(client.id), 'invoice', october, now)));
    expect(made.filter((m) => m?.created)).toHaveLength(20);
    const rows = await getDb().select({ sequence: invoices.sequence, number: invoices.number }).from(invoices).where(and(eq(invoices.partnerId, partner.id), eq(invoices.issuer, 'partner')));
    expect(rows.map((r) => r.sequence).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.number)).size).toBe(20);
    expect(rows.map((r) => r.number)).toContain('INV/2627/00020');
  });

  it('starts a new series in April, the financial year’s first month in India', async () => {
    expect(financialYearOf(new Date('2027-03-31T23:59:00+05:30'))).toBe('2026-27');
    expect(financialYearOf(new Date('2027-03-31T18:40:00Z'))).toBe('2027-28'); // 00:10 IST on 1 April
    expect(formatInvoiceNumber('INV', '2027-28', 1)).toBe('INV/2728/00001');
    const { partner, ctx, clients } = await setup(2);
    const march = periodFromKey('2027-02');
    for (const client of clients) await atLedgerTime(new Date('2027-02-10T12:00:00+05:30'), () => chargeClient(ctx, { clientId: client.id, product: 'agent_seat_month' }));
    const side = (clientId: string) => ({ issuer: 'partner' as const, partnerId: partner.id, clientId });
    const before = await createInvoice(side(clients[0]!.id), 'invoice', march, new Date('2027-03-31T23:59:00+05:30'));
    const after = await createInvoice(side(clients[1]!.id), 'invoice', march, new Date('2027-04-01T00:10:00+05:30'));
    expect(before?.invoice).toMatchObject({ financialYear: '2026-27', sequence: 1, number: 'INV/2627/00001' });
    expect(after?.invoice).toMatchObject({ financialYear: '2027-28', sequence: 1, number: 'INV/2728/00001' });
  });

  it('issues a credit note for a refund, against the invoice that carried the charge', async () => {
    const { partner, ctx, clients } = await setup(1);
    const client = clients[0]!;
    const bot = await atLedgerTime(inOctober(8), () => chargeClient(ctx, { clientId: client.id, product: 'voice_bot_month', objectId: 'bot-1' }));
    await atLedgerTime(inOctober(9), () => chargeClient(ctx, { clientId: client.id, product: 'call_minute_inbound', quantity: 60 }));
    await generateMonth(october, { partnerId: partner.id });
    const november = periodFromKey('2026-11');
    await atLedgerTime(new Date('2026-11-04T10:00:00+05:30'), () => refundCharge(ctx, { chargeId: bot.chargeId, reason: 'Bot trial cancelled' }));
    await generateMonth(november, { partnerId: partner.id });
    const rows = await getDb().select().from(invoices).where(and(eq(invoices.partnerId, partner.id), eq(invoices.clientId, client.id)));
    const invoice = rows.find((r) => r.kind === 'invoice')!;
    const note = rows.find((r) => r.kind === 'credit_note')!;
    expect(note).toMatchObject({ period: '2026-11', total: bot.retail, series: 'CN', number: 'CN/2627/00001' });
    expect(note.refersTo).toEqual([{ id: invoice.id, number: invoice.number }]);
    expect(note.lines).toEqual([expect.objectContaining({ product: 'voice_bot_month', quantity: 1, sac: '998315' })]);
    expect(note.taxable + note.cgst + note.sgst + note.igst + note.rounding).toBe(note.total);
    // The operator credits the partner the wholesale side too.
    const [wholesaleNote] = await getDb().select().from(invoices).where(and(eq(invoices.partnerId, partner.id), eq(invoices.issuer, 'operator'), eq(invoices.kind, 'credit_note')));
    expect(wholesaleNote?.total).toBe(bot.wholesale);
  });

  it('stores a PDF that opens and holds the number, both GSTINs and the totals', async () => {
    const { partner, ctx, clients } = await setup(1);
    const client = clients[0]!;
    await setClientBillingDetails(ctx, client.id, { legalName: 'Sharma Traders LLP', address: '7 MG Road, Bengaluru', stateCode: '29', pin: '560001', gstin: '29AABCK5678L1ZU' });
    await atLedgerTime(inOctober(3), () => chargeClient(ctx, { clientId: client.id, product: 'number_rental_toll_free', objectId: 'tf-1' }));
    await generateMonth(october, { partnerId: partner.id, issuer: 'partner' });
    const [row] = (await listInvoices(ctx, { client_id: client.id })).data;
    const invoice = await getInvoice(ctx, row!.id);
    const pdf = await invoicePdf(invoice);
    expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-');
    const { text } = await extractText(new Uint8Array(pdf.content), { mergePages: true });
    expect(text).toContain(invoice.number);
    expect(text).toContain('27AAACA1234A1ZK');
    expect(text).toContain('29AABCK5678L1ZU');
    expect(text).toContain('IGST 18%');
    expect(text).toContain('₹1,000.00'); // the toll-free rental at list, GST included
    expect(text).toContain('₹847.46'); // its taxable value: 1,000 × 100/118
    expect(text).toContain('₹152.54'); // IGST on it
  });

  it('rounds by one rule: taxable per line, tax on the total, the difference as a rounding line', () => {
    const doc = taxDocument([{ product: 'call_minute_inbound', unitRate: 1n, quantity: 1n, gross: 1n }, { product: 'call_minute_outbound', unitRate: 1n, quantity: 1n, gross: 1n }], 'intra');
    // Each 1 paisa line is 0.85 → 1 paisa taxable; 2 paise taxable × 9 % = 0.18 → 0 each; rounding −0 → total 2.
    expect(doc).toMatchObject({ taxable: 2n, cgst: 0n, sgst: 0n, rounding: 0n, total: 2n });
    const big = taxDocument([{ product: 'agent_seat_month', unitRate: 49_900n, quantity: 3n, gross: 149_700n }], 'inter');
    expect(big.taxable + big.igst + big.rounding).toBe(149_700n);
    expect(big.taxable).toBe(126_864n); // 149,700 × 100/118 = 126,864.4
    expect(big.igst).toBe(22_836n); // 126,864 × 18 % = 22,835.52
    expect(big.rounding).toBe(0n);
  });
});
