import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { messages } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { seedClient } from '@/lib/clients/seed-client';
import { AppError } from '@/lib/errors/app-error';
import { chargeClient } from '@/lib/ledger/charge-client';
import { addClientCredits } from '@/lib/ledger/client-credits';
import { atLedgerTime } from '@/lib/ledger/clock';
import { creditPartner } from '@/lib/ledger/money-in';
import { periodFromKey } from '@/lib/periods/ist-month';
import { makePartner, systemFor, unique, uniqueEmail } from '@/test/factories';
import { billingDetailsInputOf, setBillingDetailsOperation, toBillingDetailsResource } from '@/lib/api/operations/billing-details';
import { generateMonth } from './generate';
import { getInvoice, listInvoices } from './read-invoices';
import { clientBillingDetails, setClientBillingDetails, setPartnerTaxProfile } from './tax-profiles';

const fieldsOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).fieldErrors ?? {};
};

async function setup() {
  const partner = await makePartner('billing');
  const ctx = systemFor(partner.id);
  await setPartnerTaxProfile(ctx, { legalName: `Acme Telecom ${unique()} Pvt Ltd`, address: '12 Marine Drive, Mumbai', stateCode: '27', pin: '400002', gstin: '27AAACA1234A1ZK' });
  await creditPartner(systemCtx, { partnerId: partner.id, amount: '10000000', reference: `UTR${unique()}` });
  const client = await seedClient(ctx, { name: `Sharma ${unique()}`, email: uniqueEmail('billing'), status: 'active' });
  await addClientCredits(ctx, { clientId: client.id, amount: '1000000' });
  return { ctx, client };
}

describe('client billing details', () => {
  it('are read back as saved, and the client’s invoice carries them and goes to the billing e-mail', async () => {
    const { ctx, client } = await setup();
    expect(await clientBillingDetails(ctx, client.id)).toBeNull();
    expect(toBillingDetailsResource(client.id, null)).toMatchObject({ recorded: false, legal_name: null, billing_email: null });
    await setClientBillingDetails(ctx, client.id, { legalName: 'Sharma Traders LLP', gstin: '29aabck5678l1zu', address: '7 MG Road, Bengaluru', stateCode: '29', pin: '560001', billingEmail: 'Accounts@Sharma.example' });
    const saved = await clientBillingDetails(ctx, client.id);
    expect(toBillingDetailsResource(client.id, saved)).toMatchObject({ recorded: true, legal_name: 'Sharma Traders LLP', gstin: '29AABCK5678L1ZU', state_name: 'Karnataka', billing_email: 'accounts@sharma.example' });

    await atLedgerTime(new Date('2026-10-05T12:00:00+05:30'), () => chargeClient(ctx, { clientId: client.id, product: 'number_rental_toll_free', objectId: 'tf-1' }));
    await generateMonth(periodFromKey('2026-10'), { partnerId: ctx.partnerId, issuer: 'partner' });
    const invoice = await getInvoice(ctx, (await listInvoices(ctx, { client_id: client.id })).data[0]!.id);
    expect(invoice.buyer).toMatchObject({ name: 'Sharma Traders LLP', gstin: '29AABCK5678L1ZU', stateCode: '29' });
    expect(invoice.supply).toBe('inter');
    const mails = await getDb().select({ to: messages.recipient }).from(messages).where(and(eq(messages.partnerId, ctx.partnerId), eq(messages.template, 'invoice-issued')));
    expect(mails.map((m) => m.to)).toEqual(['accounts@sharma.example']);

    // Saving again without a billing e-mail sends later invoices to the account e-mail.
    await setClientBillingDetails(ctx, client.id, { legalName: 'Sharma Traders LLP', address: '7 MG Road, Bengaluru', stateCode: '29' });
    expect((await clientBillingDetails(ctx, client.id))?.email).toBeNull();
  });

  it('refuses bad input next to the field, in the console’s names and the API’s, and another partner’s client is not found', async () => {
    const { ctx, client } = await setup();
    expect(await fieldsOf(setClientBillingDetails(ctx, client.id, { legalName: 'Sharma Traders', address: '7 MG Road, Bengaluru', stateCode: '29', billingEmail: 'not-an-email' }))).toEqual({ billingEmail: 'Give a valid e-mail address.' });
    expect(await fieldsOf(setClientBillingDetails(ctx, client.id, { legalName: 'Sharma Traders', address: '7 MG Road, Bengaluru', stateCode: '27', gstin: '29AABCK5678L1ZU' }))).toEqual({ stateCode: expect.stringContaining('GSTIN') });
    expect(await clientBillingDetails(ctx, client.id)).toBeNull();
    const body = setBillingDetailsOperation.body!.safeParse({ legal_name: 'Sharma Traders', address: '7 MG Road, Bengaluru', state_code: '27', gstin: '29AABCK5678L1ZU' });
    expect(body.success).toBe(false);
    expect(body.error!.issues.map((issue) => issue.path.join('.'))).toContain('state_code');
    const good = setBillingDetailsOperation.body!.parse({ legal_name: 'Sharma Traders', address: '7 MG Road, Bengaluru', state_code: '29', billing_email: 'ap@sharma.example' });
    expect(billingDetailsInputOf(good)).toMatchObject({ legalName: 'Sharma Traders', stateCode: '29', billingEmail: 'ap@sharma.example' });

    const foreign = await setup();
    await expect(clientBillingDetails(foreign.ctx, client.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(setClientBillingDetails(foreign.ctx, client.id, { legalName: 'X Ltd', address: '1 Road, Pune', stateCode: '27' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(clientBillingDetails(ctx, 'not-an-id')).rejects.toMatchObject({ code: 'not_found' });
  });
});
