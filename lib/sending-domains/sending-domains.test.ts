import { dkimVerify } from 'mailauth/lib/dkim/verify';
import nodemailer from 'nodemailer';
import { describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { events, messages } from '@/db/schema';
import { updateBranding } from '@/lib/branding/update-branding';
import { getConfig } from '@/lib/config';
import type { TxtResolver } from '@/lib/domains/verify-domain';
import { ensureSandbox } from '@/lib/partners/sandbox';
import { mailOptions } from '@/lib/providers/email/smtp-email';
import { makePartner, makeStaff, systemFor, uniqueDomain } from '@/test/factories';
import { getSendingDomain, setSendingDomain, verifySendingDomain } from './manage-sending-domain';
import { spfInclude } from './records';
import { senderFor } from './sender-for';
import { recheckIntervalMs, recheckSendingDomains } from './recheck-domains';

/** A fake DNS: TXT records by name; any other name is not found, as node:dns reports it. */
function fakeDns(records: Record<string, string[]>): TxtResolver {
  return vi.fn(async (name: string) => {
    const found = records[name];
    if (!found) throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
    // Long values arrive in 255-character chunks, as real DNS answers do.
    return found.map((value) => value.match(/.{1,255}/g)!);
  });
}

async function partnerWithDomain() {
  const partner = await makePartner('sdm');
  await updateBranding(systemFor(partner.id), { productName: 'Nimbus Voice', primaryColor: '#0f766e', secondaryColor: '#1f2937', supportEmail: 'help@nimbus.example' });
  const admin = await makeStaff(partner.id, 'admin');
  const domain = await setSendingDomain(admin.ctx, { domain: `mail.${uniqueDomain('send')}` });
  const byKind = Object.fromEntries(domain.records.map((r) => [r.kind, r]));
  return { partner, admin, domain, spf: byKind.spf!, dkim: byKind.dkim!, dmarc: byKind.dmarc! };
}

describe('sending domains', () => {
  it('lists the SPF, DKIM and DMARC records, keeping the private key sealed', async () => {
    const { domain, spf, dkim, dmarc } = await partnerWithDomain();
    expect(domain.status).toBe('pending');
    expect(spf).toMatchObject({ type: 'TXT', name: domain.domain, value: `v=spf1 include:${spfInclude()} ~all`, required: true, status: 'pending' });
    expect(dkim.name).toMatch(new RegExp(`^mail[0-9a-f]{6}\\._domainkey\\.${domain.domain.replaceAll('.', '\\.')}$`));
    expect(dkim.value).toMatch(/^v=DKIM1; k=rsa; p=[A-Za-z0-9+/=]{300,}$/);
    expect(dmarc).toMatchObject({ name: `_dmarc.${domain.domain}`, required: false });
    expect(JSON.stringify(domain)).not.toMatch(/PRIVATE KEY/);
  });

  it('is read through a sandbox key as its live partner’s, which a test key cannot replace', async () => {
    const { partner, domain } = await partnerWithDomain();
    const sandboxId = await ensureSandbox(partner.id);
    const sandboxKey = { partnerId: sandboxId, actor: { type: 'api_key' as const, id: 'key_sdsbx', partnerId: sandboxId } };
    expect(await getSendingDomain(sandboxKey)).toMatchObject({ domain: domain.domain });
    await expect(setSendingDomain(sandboxKey, { domain: uniqueDomain('sbx') })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await getSendingDomain(sandboxKey))!.records).toEqual(domain.records);
  });

  it('verifies with the records found, and says which is missing or wrong', async () => {
    const { admin, spf, dkim, dmarc } = await partnerWithDomain();
    const missing = await verifySendingDomain(admin.ctx, fakeDns({}));
    expect(missing.records.map((r) => [r.kind, r.status])).toEqual([
      ['spf', 'missing'],
      ['dkim', 'missing'],
      ['dmarc', 'missing'],
    ]);
    expect(missing.status).toBe('pending');

    const otherKey = dkim.value.replace(/p=.{12}/, 'p=AAAAAAAAAAAA');
    const wrong = await verifySendingDomain(admin.ctx, fakeDns({ [spf.name]: ['v=spf1 include:_spf.elsewhere.example ~all', 'google-site-verification=x'], [dkim.name]: [otherKey] }));
    expect(wrong.records.map((r) => [r.kind, r.status])).toEqual([
      ['spf', 'mismatch'],
      ['dkim', 'mismatch'],
      ['dmarc', 'missing'],
    ]);
    expect(wrong.found.spf).toEqual(['v=spf1 include:_spf.elsewhere.example ~all']);

    // An SPF record that includes other senders as well as ours is fine; DMARC is advice and does not block.
    const found = await verifySendingDomain(admin.ctx, fakeDns({ [spf.name]: [`v=spf1 include:_spf.elsewhere.example include:${spfInclude()} -all`], [dkim.name]: [dkim.value] }));
    expect(found.records.map((r) => [r.kind, r.status])).toEqual([
      ['spf', 'verified'],
      ['dkim', 'verified'],
      ['dmarc', 'missing'],
    ]);
    expect(found.status).toBe('verified');
    const withDmarc = await verifySendingDomain(admin.ctx, fakeDns({ [spf.name]: [spf.value], [dkim.name]: [dkim.value], [dmarc.name]: ['v=DMARC1; p=quarantine'] }));
    expect(withDmarc.records.every((r) => r.status === 'verified')).toBe(true);
    expect((await getSendingDomain(admin.ctx))!.status).toBe('verified');
  });

  it('sends from the platform’s address in the partner’s name until verified, then from its own domain, DKIM-signed', async () => {
    const { partner, admin, domain, spf, dkim } = await partnerWithDomain();
    const before = await senderFor(getDb(), partner.id);
    expect(before).toEqual({ from: `"Nimbus Voice" <${getConfig().EMAIL_FROM}>`, replyTo: 'help@nimbus.example' });

    await verifySendingDomain(admin.ctx, fakeDns({ [spf.name]: [spf.value], [dkim.name]: [dkim.value] }));
    // A sandbox's mail goes the live partner's way.
    for (const partnerId of [partner.id, await ensureSandbox(partner.id)]) {
      const after = await senderFor(getDb(), partnerId);
      expect(after).toMatchObject({ from: `"Nimbus Voice" <notifications@${domain.domain}>`, replyTo: 'help@nimbus.example', dkim: { domainName: domain.domain, keySelector: dkim.name.split('.')[0] } });
    }

    const sender = await senderFor(getDb(), partner.id);
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    const info = await transport.sendMail(mailOptions({ to: 'asha@example.com', subject: 'Your code', html: '<p>Hello</p>', text: 'Hello', ...sender }));
    const message = info.message as Buffer;
    const resolver = async (name: string, type: string) => {
      if (type === 'TXT' && name === dkim.name) return [[dkim.value]];
      throw Object.assign(new Error(`ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
    };
    const verdict = await dkimVerify(message, { resolver: resolver as never });
    expect(verdict.results).toHaveLength(1);
    expect(verdict.results[0]).toMatchObject({ signingDomain: domain.domain, selector: dkim.name.split('.')[0], status: { result: 'pass' } });

    // The same message changed after signing fails verification.
    const tampered = Buffer.from(message.toString().replace('Hello', 'Hullo'));
    expect((await dkimVerify(tampered, { resolver: resolver as never })).results[0]!.status.result).not.toBe('pass');
  });

  it('is checked again periodically: a record removed after verification unverifies it, with an event and an e-mail to the admins', async () => {
    const { partner, admin, domain, spf, dkim } = await partnerWithDomain();
    const verified = await verifySendingDomain(admin.ctx, fakeDns({ [spf.name]: [spf.value], [dkim.name]: [dkim.value] }));
    expect(verified.status).toBe('verified');
    const checkedAt = new Date(verified.last_checked_at!);
    const broken = fakeDns({ [spf.name]: [spf.value] });
    // Not due yet: nothing is looked up.
    expect(await recheckSendingDomains({ now: new Date(checkedAt.getTime() + 60_000), resolveTxt: broken, partnerIds: [partner.id] })).toBe(0);
    expect(broken).not.toHaveBeenCalled();
    const later = new Date(checkedAt.getTime() + recheckIntervalMs + 1000);
    expect(await recheckSendingDomains({ now: later, resolveTxt: broken, partnerIds: [partner.id] })).toBe(1);
    const after = (await getSendingDomain(admin.ctx))!;
    expect(after).toMatchObject({ status: 'pending', last_checked_at: later.toISOString() });
    expect(after.records.find((r) => r.kind === 'dkim')!.status).toBe('missing');
    const changes = await getDb().select().from(events).where(and(eq(events.partnerId, partner.id), eq(events.type, 'sending_domain.status_changed')));
    expect(changes.map((e) => (e.data as { status: string }).status)).toEqual(['verified', 'pending']);
    const mails = await getDb().select().from(messages).where(and(eq(messages.partnerId, partner.id), eq(messages.template, 'sending_domain_unverified')));
    expect(mails.map((m) => [m.recipient, m.subject])).toEqual([[admin.email, `Your sending domain ${domain.domain} is no longer verified`]]);
    // Mail goes the platform's way again, in the partner's name.
    expect((await senderFor(getDb(), partner.id)).from).toBe(`"Nimbus Voice" <${getConfig().EMAIL_FROM}>`);
    // Still broken at the next check: no second e-mail.
    await recheckSendingDomains({ now: new Date(later.getTime() + recheckIntervalMs + 1000), resolveTxt: broken, partnerIds: [partner.id] });
    expect(await getDb().select().from(messages).where(and(eq(messages.partnerId, partner.id), eq(messages.template, 'sending_domain_unverified')))).toHaveLength(1);
  });
});
