import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { messages, passwordResets } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { seedClient } from '@/lib/clients/seed-client';
import { getConfig } from '@/lib/config';
import { listOutboxForOperator } from '@/lib/messages/list-outbox';
import { createOperator } from '@/lib/operators/manage-operators';
import { makePartner, makeStaff, subdomainOf, systemFor, uniqueEmail } from '@/test/factories';
import { openSessionOf, startAuthSession } from './auth-sessions';
import { authenticate } from './authenticate';
import { requestPasswordReset, resetLinkIsOpen, resetPasswordWithToken, resetPolicy } from './password-reset';

const ip = () => `198.51.100.${Math.floor(Math.random() * 250)}`;

/** The reset links e-mailed to an address, newest first, read from the outbox as a person reads their inbox. */
async function linksTo(email: string) {
  const sent = await listOutboxForOperator(systemCtx, 50, { recipient: email });
  return sent.filter((m) => m.template === 'password_reset').map((m) => ({ ...m, link: /https?:\/\/\S+\/reset-password\/([A-Za-z0-9_-]+)/.exec(m.text ?? '')! }));
}

describe('forgot password', () => {
  it('e-mails a partner user a link on the partner’s host, in the partner’s brand, through the outbox', async () => {
    const partner = await makePartner('forgot', { name: 'Acme Forgot' });
    const staff = await makeStaff(partner.id);
    const host = subdomainOf(partner.slug);
    await requestPasswordReset({ host, ip: ip(), fields: { email: ` ${staff.email.toUpperCase()} ` } });
    const [mail] = await linksTo(staff.email);
    expect(mail).toMatchObject({ partnerId: partner.id, subject: 'Reset your Acme Forgot password' });
    expect(mail!.link[0]).toContain(`//${host}`);
    expect(mail!.text).not.toContain(getConfig().PLATFORM_NAME);
    expect(await resetLinkIsOpen(host, mail!.link[1]!)).toBe(true);
  });

  it('answers the same, and sends nothing, for an address without an account here', async () => {
    const partner = await makePartner('forgot');
    const elsewhere = await makePartner('forgot');
    const staff = await makeStaff(elsewhere.id);
    const nobody = uniqueEmail('nobody');
    await expect(requestPasswordReset({ host: subdomainOf(partner.slug), ip: ip(), fields: { email: nobody } })).resolves.toBeUndefined();
    // Another partner's user is unknown here, as at sign-in.
    await expect(requestPasswordReset({ host: subdomainOf(partner.slug), ip: ip(), fields: { email: staff.email } })).resolves.toBeUndefined();
    expect(await linksTo(nobody)).toEqual([]);
    expect(await linksTo(staff.email)).toEqual([]);
    await expect(requestPasswordReset({ host: subdomainOf(partner.slug), ip: ip(), fields: { email: 'not an address' } })).rejects.toMatchObject({ fieldErrors: { email: expect.any(String) } });
  });

  it('sends an operator’s link in the platform’s name, on the platform host', async () => {
    const email = uniqueEmail('operator');
    await createOperator(systemCtx, { email, name: 'Olga', password: 'operator-pass-1' });
    await requestPasswordReset({ host: getConfig().PLATFORM_DOMAIN, ip: ip(), fields: { email } });
    const [mail] = await linksTo(email);
    expect(mail).toMatchObject({ partnerId: null, subject: `Reset your ${getConfig().PLATFORM_NAME} password` });
    expect(mail!.link[0]).toMatch(/\/admin\/reset-password\//);
  });

  it('reaches a client member too', async () => {
    const partner = await makePartner('forgot');
    const email = uniqueEmail('client');
    const client = await seedClient(systemFor(partner.id), { name: 'Client Co', email, status: 'active', owner: { name: 'Cora', password: 'client-pass-1' } });
    await requestPasswordReset({ host: subdomainOf(partner.slug), ip: ip(), fields: { email } });
    // A member's reset is its client's mail.
    const queued = await getDb().select({ clientId: messages.clientId }).from(messages).where(and(eq(messages.recipient, email), eq(messages.template, 'password_reset')));
    expect(queued).toEqual([{ clientId: client.id }]);
    const [mail] = await linksTo(email);
    await resetPasswordWithToken({ host: subdomainOf(partner.slug), ip: null, token: mail!.link[1]!, fields: { password: 'client-new-pass-2', password_confirmation: 'client-new-pass-2' } });
    expect(await authenticate({ host: subdomainOf(partner.slug), email, password: 'client-new-pass-2', ip: null })).toMatchObject({ ok: true, user: { audience: 'client' } });
  });

  it('sends at most 3 links an hour to one account, silently', async () => {
    const partner = await makePartner('forgot');
    const staff = await makeStaff(partner.id);
    for (let i = 0; i < resetPolicy.maxPerAccountPerHour + 2; i++) await requestPasswordReset({ host: subdomainOf(partner.slug), ip: ip(), fields: { email: staff.email } });
    expect(await linksTo(staff.email)).toHaveLength(resetPolicy.maxPerAccountPerHour);
  });

  it('sets the new password once: the link is single-use, expires, works only on its own partner’s host, and ends every session', async () => {
    const partner = await makePartner('forgot');
    const other = await makePartner('forgot');
    const staff = await makeStaff(partner.id);
    const host = subdomainOf(partner.slug);
    const session = await startAuthSession({ audience: 'partner', accountId: staff.id, partnerId: partner.id });
    await requestPasswordReset({ host, ip: ip(), fields: { email: staff.email } });
    const token = (await linksTo(staff.email))[0]!.link[1]!;
    const fields = { password: 'brand-new-pass-3', password_confirmation: 'brand-new-pass-3' };

    await expect(resetPasswordWithToken({ host: subdomainOf(other.slug), ip: null, token, fields })).rejects.toMatchObject({ code: 'not_found' });
    await expect(resetPasswordWithToken({ host, ip: null, token, fields: { ...fields, password_confirmation: 'different-1' } })).rejects.toMatchObject({ fieldErrors: { password_confirmation: expect.any(String) } });
    await resetPasswordWithToken({ host, ip: null, token, fields });
    expect(await authenticate({ host, email: staff.email, password: fields.password, ip: null })).toMatchObject({ ok: true });
    expect(await authenticate({ host, email: staff.email, password: staff.password, ip: null })).toMatchObject({ ok: false });
    const { partnerUsers } = await import('@/db/schema');
    const stillOpen = await getDb().select().from(partnerUsers).where(and(eq(partnerUsers.id, staff.id), openSessionOf(session, partnerUsers.id)));
    expect(stillOpen).toEqual([]);

    await expect(resetPasswordWithToken({ host, ip: null, token, fields })).rejects.toMatchObject({ code: 'not_found', message: expect.stringMatching(/expired or was already used/) });
    expect(await resetLinkIsOpen(host, token)).toBe(false);

    await requestPasswordReset({ host, ip: ip(), fields: { email: staff.email } });
    const late = (await linksTo(staff.email))[0]!.link[1]!;
    await getDb().update(passwordResets).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(passwordResets.accountId, staff.id));
    await expect(resetPasswordWithToken({ host, ip: null, token: late, fields })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('keeps the link out of the stored subject and seals the body', async () => {
    const partner = await makePartner('forgot');
    const staff = await makeStaff(partner.id);
    await requestPasswordReset({ host: subdomainOf(partner.slug), ip: ip(), fields: { email: staff.email } });
    const [row] = await getDb().select().from(messages).where(and(eq(messages.recipient, staff.email), eq(messages.template, 'password_reset')));
    expect(row!.subject).not.toMatch(/reset-password\//);
    expect(row!.sealedBody).not.toMatch(/reset-password\//);
  });
});
