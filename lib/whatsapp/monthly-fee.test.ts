import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { events, messages, recurringCharges } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { seedClient } from '@/lib/clients/seed-client';
import { addClientCredits } from '@/lib/ledger/client-credits';
import { creditPartner } from '@/lib/ledger/money-in';
import { WhatsappCloudSimulator } from '@/lib/providers/whatsapp-cloud/simulator';
import { makePartner, makeStaff, systemFor, unique, uniqueEmail } from '@/test/factories';
import { checkWhatsappNumber } from './check-numbers';
import { getWhatsappNumber, linkWhatsappNumber } from './manage-numbers';

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

  describe('a month that stays unpaid: grace, then suspension, then unlink, as a number’s rental', () => {
    const at = (day: number) => new Date(`2026-12-${String(day).padStart(2, '0')}T06:00:00Z`);
    const typesOf = async (partnerId: string) => (await getDb().select({ type: events.type }).from(events).where(eq(events.partnerId, partnerId))).map((e) => e.type);
    const mailsOf = async (partnerId: string) => getDb().select({ to: messages.recipient, template: messages.template, subject: messages.subject, clientId: messages.clientId }).from(messages).where(eq(messages.partnerId, partnerId));

    async function brokeNumber() {
      const partner = await makePartner('wa-grace');
      const { ctx, email } = await makeStaff(partner.id, 'admin');
      const client = await seedClient(systemFor(partner.id), { name: 'Grace client', email: uniqueEmail('grace'), status: 'active' });
      const number = await linkWhatsappNumber(ctx, { client_id: client.id, phone_number_id: '4455660003', access_token: `EAAGfee${unique()}${unique()}` }, { provider, now: () => at(1) });
      return { partner, ctx, email, client, number };
    }

    it('e-mails the client at once, suspends after the grace days telling the admins, and unlinks after the suspension days', async () => {
      const { partner, ctx, email, client, number } = await brokeNumber();
      expect(number).toMatchObject({ feeGraceEndsAt: new Date(at(8)), feeSuspendedAt: null });
      expect(await typesOf(partner.id)).toContain('whatsapp_number.fee_unpaid');
      expect((await mailsOf(partner.id)).filter((m) => m.template === 'whatsapp_fee_unpaid').map((m) => [m.to, m.clientId])).toEqual([[client.email, client.id]]);

      const stillWorking = await checkWhatsappNumber(ctx, number.id, { provider, now: () => at(5) });
      expect(stillWorking).toMatchObject({ status: 'active', feeSuspendedAt: null });
      expect((await mailsOf(partner.id)).filter((m) => m.template === 'whatsapp_fee_unpaid')).toHaveLength(1);

      const suspended = await checkWhatsappNumber(ctx, number.id, { provider, now: () => at(9) });
      expect(suspended.feeSuspendedAt).toEqual(at(9));
      expect(await typesOf(partner.id)).toContain('whatsapp_number.suspended');
      expect((await mailsOf(partner.id)).some((m) => m.to === email && m.subject?.includes('suspended for an unpaid fee'))).toBe(true);

      await checkWhatsappNumber(ctx, number.id, { provider, now: () => at(20) });
      expect((await getWhatsappNumber(ctx, number.id)).status).toBe('active');
      await checkWhatsappNumber(ctx, number.id, { provider, now: () => at(24) }).catch(() => null);
      const gone = await getWhatsappNumber(ctx, number.id);
      expect(gone).toMatchObject({ status: 'unlinked', statusReason: 'fee_unpaid' });
      expect(await typesOf(partner.id)).toContain('whatsapp_number.unlinked');
    });

    it('resumes a suspended number once the fee is paid, and the month is charged once', async () => {
      const { partner, ctx, client, number } = await brokeNumber();
      await checkWhatsappNumber(ctx, number.id, { provider, now: () => at(9) });
      await creditPartner(systemCtx, { partnerId: partner.id, amount: 1_000_000n, reference: `FEE${unique()}`.toUpperCase() });
      await addClientCredits(ctx, { clientId: client.id, amount: 500_000n });
      const resumed = await checkWhatsappNumber(ctx, number.id, { provider, now: () => at(10) });
      expect(resumed).toMatchObject({ feePaidPeriod: '2026-12', feeUnpaidReason: null, feeGraceEndsAt: null, feeSuspendedAt: null });
      expect(await typesOf(partner.id)).toContain('whatsapp_number.resumed');
      const charges = await getDb().select().from(recurringCharges).where(and(eq(recurringCharges.partnerId, partner.id), eq(recurringCharges.subjectId, number.id)));
      expect(charges.map((c) => c.period)).toEqual(['2026-12']);
    });
  });
});
