import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { recurringCharges } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { seedClient } from '@/lib/clients/seed-client';
import { addClientCredits } from '@/lib/ledger/client-credits';
import { creditPartner } from '@/lib/ledger/money-in';
import { WhatsappCloudSimulator } from '@/lib/providers/whatsapp-cloud/simulator';
import { makePartner, makeStaff, systemFor, unique, uniqueEmail } from '@/test/factories';
import { checkWhatsappNumber } from './check-numbers';
import { linkWhatsappNumber } from './manage-numbers';

const provider = new WhatsappCloudSimulator();

describe('the monthly fee of a linked number', () => {
  it('is charged to the client’s wallet once per IST month: at the link, not again on a relink, again next month', async () => {
    const partner = await makePartner('wa-fee');
    const { ctx } = await makeStaff(partner.id, 'admin');
    await creditPartner(systemCtx, { partnerId: partner.id, amount: 1_000_000n, reference: `FEE${unique()}`.toUpperCase() });
    const client = await seedClient(systemFor(partner.id), { name: 'Fee client', email: uniqueEmail('fee'), status: 'active' });
    await addClientCredits(ctx, { clientId: client.id, amount: 500_000n });
    const december = new Date('2026-12-10T06:00:00Z');
    const input = { client_id: client.id, phone_number_id: '4455660001', access_token: `EAAGfee${unique()}${unique()}` };
    const number = await linkWhatsappNumber(ctx, input, { provider, now: () => december });
    expect(number).toMatchObject({ feePaidPeriod: '2026-12', feeUnpaidReason: null });
    await linkWhatsappNumber(ctx, { ...input, access_token: `EAAGfee${unique()}${unique()}` }, { provider, now: () => december });
    const charges = () => getDb().select().from(recurringCharges).where(and(eq(recurringCharges.partnerId, partner.id), eq(recurringCharges.subjectId, number.id)));
    expect((await charges()).map((charge) => [charge.period, charge.product])).toEqual([['2026-12', 'whatsapp_number_month']]);
    const january = await checkWhatsappNumber(ctx, number.id, { provider, now: () => new Date('2026-12-31T19:00:00Z') }); // 1 Jan, 00:30 IST
    expect(january.feePaidPeriod).toBe('2027-01');
    expect((await charges()).map((charge) => charge.period).sort()).toEqual(['2026-12', '2027-01']);
  });

  it('records a month the client cannot pay, and keeps the number working', async () => {
    const partner = await makePartner('wa-fee');
    const { ctx } = await makeStaff(partner.id, 'admin');
    const client = await seedClient(systemFor(partner.id), { name: 'Broke client', email: uniqueEmail('broke'), status: 'active' });
    const number = await linkWhatsappNumber(ctx, { client_id: client.id, phone_number_id: '4455660002', access_token: `EAAGfee${unique()}${unique()}` }, { provider });
    expect(number.status).toBe('active');
    expect(number.feePaidPeriod).toBeNull();
    expect(number.feeUnpaidReason).toMatch(/lacks/);
  });
});
