import { and, eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { messages } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { seedClient } from '@/lib/clients/seed-client';
import { seal } from '@/lib/crypto/secret-box';
import { chargeClient } from '@/lib/ledger/charge-client';
import { addClientCredits } from '@/lib/ledger/client-credits';
import { atLedgerTime } from '@/lib/ledger/clock';
import { creditPartner } from '@/lib/ledger/money-in';
import { loadAttachments } from '@/lib/messages/attachments';
import { deliverDueMessages } from '@/lib/messages/deliver-messages';
import { emailSimulator } from '@/lib/messages/providers';
import { periodFromKey } from '@/lib/periods/ist-month';
import type { OutgoingEmail } from '@/lib/providers/email/email-provider';
import { mailOptions } from '@/lib/providers/email/smtp-email';
import { makePartner, systemFor, unique, uniqueEmail } from '@/test/factories';
import { generateMonth } from './generate';
import { resendInvoice } from './generate-now';
import { getInvoice, invoicePdf, listInvoices } from './read-invoices';
import { setPartnerTaxProfile } from './tax-profiles';

afterEach(() => vi.restoreAllMocks());

async function invoicedClient() {
  const partner = await makePartner('invmail');
  const ctx = systemFor(partner.id);
  await setPartnerTaxProfile(ctx, { legalName: `Acme Telecom ${unique()} Pvt Ltd`, address: '12 Marine Drive, Mumbai', stateCode: '27', pin: '400002', gstin: '27AAACA1234A1ZK' });
  await creditPartner(systemCtx, { partnerId: partner.id, amount: '10000000', reference: `UTR${unique()}` });
  const client = await seedClient(ctx, { name: `Mail Client ${unique()}`, email: uniqueEmail('invmail'), status: 'active' });
  await addClientCredits(ctx, { clientId: client.id, amount: '1000000' });
  await atLedgerTime(new Date('2026-10-05T12:00:00+05:30'), () => chargeClient(ctx, { clientId: client.id, product: 'number_rental_toll_free', objectId: 'tf-1' }));
  await generateMonth(periodFromKey('2026-10'), { partnerId: partner.id, issuer: 'partner' });
  const [row] = (await listInvoices(ctx, { client_id: client.id })).data;
  const invoice = await getInvoice(ctx, row!.id);
  return { ctx, client, invoice };
}

/**
 * Sends the outbox until every message to `to` went, catching what this process's e-mail simulator was handed
 * (other test files share the outbox, so a worker of theirs may send one of these).
 */
async function sendOutbox(to: string): Promise<OutgoingEmail[]> {
  const sent: OutgoingEmail[] = [];
  const original = emailSimulator.send.bind(emailSimulator);
  vi.spyOn(emailSimulator, 'send').mockImplementation(async (email) => {
    sent.push(email);
    return original(email);
  });
  for (let round = 0; round < 100; round++) {
    const rows = await getDb().select({ status: messages.status }).from(messages).where(eq(messages.recipient, to));
    if (rows.every((row) => row.status !== 'queued')) break;
    if (!(await deliverDueMessages(new Date(), 50))) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return sent.filter((mail) => mail.to === to);
}

describe('invoice e-mail', () => {
  it('carries the stored PDF as an attachment, on first sending and on a resend', async () => {
    const { ctx, client, invoice } = await invoicedClient();
    const stored = await invoicePdf(invoice);
    const [queued] = await getDb().select().from(messages).where(and(eq(messages.partnerId, ctx.partnerId), eq(messages.recipient, client.email!)));
    expect(queued!.attachments).toEqual([{ kind: 'invoice_pdf', invoiceId: invoice.id, filename: expect.stringMatching(/^Tax-invoice-[A-Za-z0-9-]+\.pdf$/) }]);
    // The client's invoice is the client's message: its usage once sent.
    expect(queued!.clientId).toBe(client.id);

    // What the worker hands the provider for each queued row: the stored PDF itself.
    expect((await loadAttachments(getDb(), queued!.attachments)).map((file) => Buffer.compare(file.content, stored.content))).toEqual([0]);

    await resendInvoice(ctx, invoice.id);
    const mails = await sendOutbox(client.email!);
    expect(mails.length).toBeGreaterThan(0);
    for (const mail of mails) {
      expect(mail.attachments).toHaveLength(1);
      const [file] = mail.attachments!;
      expect(file!.contentType).toBe('application/pdf');
      expect(file!.filename).toContain(invoice.number.replace(/[^A-Za-z0-9-]+/g, '-'));
      expect(Buffer.compare(file!.content, stored.content)).toBe(0);
      expect(mail.text).toContain('attached');
    }
    const rows = await getDb().select({ status: messages.status }).from(messages).where(and(eq(messages.partnerId, ctx.partnerId), eq(messages.recipient, client.email!)));
    expect(rows.map((row) => row.status)).toEqual(['sent', 'sent']);
  });

  it('puts the attachment in the SMTP message as a named PDF part', async () => {
    const content = Buffer.from('%PDF-1.7 test document');
    const email: OutgoingEmail = { to: 'ap@example.com', from: 'Billing <billing@example.com>', subject: 'Tax invoice INV/2627/00001', html: '<p>Attached</p>', text: 'Attached', attachments: [{ filename: 'Tax-invoice-INV-2627-00001.pdf', contentType: 'application/pdf', content }] };
    // nodemailer's stream transport builds the exact MIME message SMTP would carry, without a server.
    const built = await nodemailer.createTransport({ streamTransport: true, buffer: true }).sendMail(mailOptions(email));
    const mime = (built.message as Buffer).toString();
    expect(mime).toMatch(/Content-Type: application\/pdf; name=Tax-invoice-INV-2627-00001\.pdf/);
    expect(mime).toMatch(/Content-Disposition: attachment; filename=Tax-invoice-INV-2627-00001\.pdf/);
    expect(mime).toContain(content.toString('base64'));
    expect(mailOptions({ ...email, attachments: undefined }).attachments).toBeUndefined();
  });

  it('refuses an empty attachment in the simulator as a real provider would, and the outbox retries it', async () => {
    await expect(emailSimulator.send({ to: 'a@example.com', from: 'b@example.com', subject: 's', html: '', text: '', attachments: [{ filename: 'x.pdf', contentType: 'application/pdf', content: Buffer.alloc(0) }] })).rejects.toThrow('empty');
    const partner = await makePartner('invmail-missing');
    await getDb().insert(messages).values({ partnerId: partner.id, channel: 'email', recipient: uniqueEmail('gone'), subject: 'Gone', template: 'invoice-issued', sealedBody: seal(JSON.stringify({ html: '<p>Hi</p>', text: 'Hi' })), attachments: [{ kind: 'invoice_pdf', invoiceId: 'inv_00000000000000000000000000', filename: 'Tax-invoice-X.pdf' }] });
    // Other tests' messages share the outbox (and another test's worker may hold this one): send until it was tried.
    const tried = async () => (await getDb().select().from(messages).where(eq(messages.partnerId, partner.id)))[0]!;
    for (let round = 0; round < 50 && !(await tried()).error; round++) {
      if (!(await deliverDueMessages(new Date(), 50))) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const row = await tried();
    expect(row!.status).toBe('queued');
    expect(row!.error).toContain('no longer stored');
  });
});
