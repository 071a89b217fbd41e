import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { auditLog, events, messages } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { setLogo, updateBranding } from '@/lib/branding/update-branding';
import { getConfig } from '@/lib/config';
import { unseal } from '@/lib/crypto/secret-box';
import { addDomain, verificationRecord } from '@/lib/domains/manage-domains';
import { verifyDomain } from '@/lib/domains/verify-domain';
import { emailBrandFor } from '@/lib/onboarding/registration-access';
import { ensureSandbox } from '@/lib/partners/sandbox';
import { partnerHomeUrl } from '@/lib/tenancy/partner-home-url';
import { makePartner, makeStaff, systemFor, uniqueDomain, uniqueEmail } from '@/test/factories';
import { pngImage } from '@/test/images';
import { getEmailTemplate, listEmailTemplates, previewEmailTemplate, resetEmailTemplate, saveEmailTemplate, sendTestEmail, testSendPolicy } from './manage-templates';
import { messageTypeKeys, messageTypes } from './message-types';
import { parseTemplate } from './placeholders';
import { queueTemplatedEmail } from './queue-templated-email';
import { renderTemplateHtml, sampleValues } from './render-template';

const otpValues = (name: string, code = '482913') => ({ 'recipient.name': name, 'otp.code': code, 'otp.expires_in_minutes': '10' });

async function outbox(partnerId: string, to: string) {
  const rows = await getDb().select().from(messages).where(and(eq(messages.partnerId, partnerId), eq(messages.recipient, to))).orderBy(messages.id);
  return rows.map((row) => ({ template: row.template, subject: row.subject ?? '', ...(JSON.parse(unseal(row.sealedBody!)) as { html: string; text: string }) }));
}

describe('placeholders', () => {
  const allowed = new Set(['client.name', 'otp.code']);

  it('refuse an unknown variable, saying where it is', () => {
    const { problems } = parseTemplate('Hello {{client.name}},\nyour code: {{ otp.kode }}', allowed);
    expect(problems).toEqual([{ index: 34, line: 2, column: 12, message: 'Unknown variable {{otp.kode}}.' }]);
  });

  it('refuse triple braces, expressions and a brace left open', () => {
    expect(parseTemplate('{{{client.name}}}', allowed).problems[0]!.message).toMatch(/Triple braces/);
    expect(parseTemplate('{{client.name | upcase}}', allowed).problems[0]!.message).toMatch(/not a variable name/);
    expect(parseTemplate('{{#each x}}{{/each}}', allowed).problems).toHaveLength(2);
    expect(parseTemplate('Hi {{client.name', allowed).problems[0]).toMatchObject({ column: 4, message: expect.stringMatching(/never closed/) });
    expect(parseTemplate('{{constructor}} {{__proto__}}', allowed).problems).toHaveLength(2);
  });

  it('every type documents each variable, and its defaults use only those', () => {
    for (const key of messageTypeKeys) {
      const type = messageTypes[key];
      for (const [name, doc] of Object.entries(type.variables)) {
        expect(doc.description, `${key} ${name}`).not.toBe('');
        expect(doc.sample, `${key} ${name}`).not.toBe('');
      }
      const allowedHere = new Set(Object.keys(type.variables));
      for (const text of [type.defaults.subject, type.defaults.heading, type.defaults.body, type.defaults.buttonLabel ?? '']) {
        expect(parseTemplate(text, allowedHere).problems, `${key}: ${text}`).toEqual([]);
      }
      expect(Boolean(type.defaults.buttonLabel), key).toBe(type.hasButton);
    }
  });
});

describe('templated e-mails', () => {
  it('show a client’s name as text, whether it looks like markup or like a placeholder', async () => {
    const partner = await makePartner('tplesc');
    const brand = await emailBrandFor(getDb(), partner.id);
    const custom = { ...messageTypes.otp.defaults, body: 'Hi {{recipient.name}}, your code is below.' };
    for (const name of ['<script>alert(1)</script>', '{{otp.code}}']) {
      const { html, text, subject } = await renderTemplateHtml(messageTypes.otp, custom, brand, otpValues(name, '999111'));
      expect(html).not.toContain('<script>');
      if (name.startsWith('<')) expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      else expect(text).toContain('Hi {{otp.code}}, your code is below.');
      // The code appears once, in the callout: the name was never substituted again.
      expect(text.match(/999111/g)).toHaveLength(1);
      expect(subject).not.toContain('999111');
    }
  });

  it('never carry the operator’s name or domain, for any message type, on a partner with its own domain and logo', async () => {
    const partner = await makePartner('tplbrand');
    const ctx = systemFor(partner.id);
    await updateBranding(ctx, { productName: 'Nimbus Voice', primaryColor: '#0f766e', secondaryColor: '#1f2937', supportEmail: 'help@nimbus.example' });
    await setLogo(ctx, pngImage(120, 40), 'image/png');
    const hostname = uniqueDomain('mail');
    const domain = await addDomain(ctx, { hostname });
    const record = verificationRecord(domain.hostname, domain.verificationToken);
    await verifyDomain(ctx, domain.id, vi.fn(async () => [[record.value]]));
    const { PLATFORM_NAME, PLATFORM_DOMAIN } = getConfig();
    const to = uniqueEmail('brand');
    for (const key of messageTypeKeys) {
      const values = { ...sampleValues(messageTypes[key]), 'link.url': await partnerHomeUrl(getDb(), partner.id, '/some/link') };
      await getDb().transaction((tx) => queueTemplatedEmail(tx, { partnerId: partner.id, to, type: key, values: values as never }));
    }
    const sent = await outbox(partner.id, to);
    expect(sent).toHaveLength(messageTypeKeys.length);
    for (const mail of sent) {
      const all = `${mail.subject}\n${mail.html}\n${mail.text}`.toLowerCase();
      expect(all, mail.template).not.toContain(PLATFORM_NAME.toLowerCase());
      expect(all, mail.template).not.toContain(PLATFORM_DOMAIN.toLowerCase());
      expect(mail.html, mail.template).toContain('Nimbus Voice');
    }
  });
});

describe('managing templates', () => {
  it('saves a partner’s wording, which its messages and its sandbox’s then use, with audit and event; reset goes back', async () => {
    const partner = await makePartner('tplsave');
    const admin = await makeStaff(partner.id, 'admin');
    const saved = await saveEmailTemplate(admin.ctx, 'otp', { subject: 'Code for {{partner.product_name}}', heading: 'Almost there, {{recipient.name}}', body: 'Type the code below within {{otp.expires_in_minutes}} minutes.' });
    expect(saved).toMatchObject({ customized: true, heading: 'Almost there, {{recipient.name}}', button_label: null });

    const sandboxId = await ensureSandbox(partner.id);
    for (const partnerId of [partner.id, sandboxId]) {
      const to = uniqueEmail('otp');
      await getDb().transaction((tx) => queueTemplatedEmail(tx, { partnerId, to, type: 'otp', values: otpValues('Asha') }));
      const [mail] = await outbox(partnerId, to);
      expect(mail!.html).toContain('Almost there, Asha');
      expect(mail!.text).toContain('Type the code below within 10 minutes.');
      expect(mail!.text).toContain('482913');
    }

    const [audit] = await getDb().select().from(auditLog).where(and(eq(auditLog.partnerId, partner.id), eq(auditLog.action, 'email_template.updated')));
    expect(audit).toMatchObject({ targetType: 'email_template', targetId: 'otp', before: { heading: messageTypes.otp.defaults.heading }, after: { heading: 'Almost there, {{recipient.name}}' } });
    const emitted = await getDb().select().from(events).where(and(eq(events.partnerId, partner.id), eq(events.type, 'email_template.updated')));
    expect(emitted).toHaveLength(1);

    const reset = await resetEmailTemplate(admin.ctx, 'otp');
    expect(reset).toMatchObject({ customized: false, heading: messageTypes.otp.defaults.heading });
    expect((await getEmailTemplate(admin.ctx, 'otp')).customized).toBe(false);
    expect(await getDb().select().from(events).where(and(eq(events.partnerId, partner.id), eq(events.type, 'email_template.updated')))).toHaveLength(2);
  });

  it('lets a sandbox key (test mode) read and change its live partner’s templates, and no one else’s', async () => {
    const partner = await makePartner('tplsbx');
    const sandboxId = await ensureSandbox(partner.id);
    const sandboxKey: PartnerCtx = { partnerId: sandboxId, actor: { type: 'api_key', id: 'key_tplsbx', partnerId: sandboxId } };
    expect(await listEmailTemplates(sandboxKey)).toHaveLength(messageTypeKeys.length);
    await saveEmailTemplate(sandboxKey, 'otp', { subject: 'Sandbox wording', heading: 'Hi', body: 'Code below.' });
    const admin = await makeStaff(partner.id, 'admin');
    expect((await getEmailTemplate(admin.ctx, 'otp')).subject).toBe('Sandbox wording');
    const stranger = await makePartner('tplsbx2');
    const foreignKey: PartnerCtx = { partnerId: sandboxId, actor: { type: 'api_key', id: 'key_tplsbx2', partnerId: stranger.id } };
    await expect(listEmailTemplates(foreignKey)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses an unknown variable on save, beside its field with its position, and saves nothing', async () => {
    const partner = await makePartner('tplbad');
    const admin = await makeStaff(partner.id, 'admin');
    const attempt = saveEmailTemplate(admin.ctx, 'team_invitation', { subject: 'Hi', heading: 'Join', body: 'Hello {{recipient.name}}\nYour code {{otp.code}}', button_label: 'Go' });
    await expect(attempt).rejects.toMatchObject({ code: 'validation_failed', fieldErrors: { body: 'Line 2, column 11: Unknown variable {{otp.code}}.' } });
    await expect(saveEmailTemplate(admin.ctx, 'team_invitation', { subject: 'Hi', heading: 'Join', body: 'Hello', button_label: '' })).rejects.toMatchObject({ fieldErrors: { button_label: expect.any(String) } });
    await expect(saveEmailTemplate(admin.ctx, 'nope', { subject: 'a', heading: 'b', body: 'c' })).rejects.toMatchObject({ code: 'not_found' });
    expect((await listEmailTemplates(admin.ctx)).every((t) => !t.customized)).toBe(true);
  });

  it('keeps members from changing templates', async () => {
    const partner = await makePartner('tplrole');
    const member = await makeStaff(partner.id, 'member');
    await expect(saveEmailTemplate(member.ctx, 'otp', { subject: 'a', heading: 'b', body: 'c' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('previews a draft with sample values and reports its problems without saving', async () => {
    const partner = await makePartner('tplprev');
    const admin = await makeStaff(partner.id, 'admin');
    const preview = await previewEmailTemplate(admin.ctx, 'otp', { subject: 'S', heading: 'Hi {{recipient.name}} <b>', body: 'Body {{nope}}' });
    expect(preview.html).toContain('Hi Priya Sharma &lt;b&gt;');
    expect(preview.html).not.toMatch(/<script/i);
    expect(preview.errors).toEqual([{ field: 'body', message: 'Line 1, column 6: Unknown variable {{nope}}.' }]);
  });

  it('sends test e-mails only to the signed-in user, at most the hourly limit even when asked for at once', async () => {
    const partner = await makePartner('tpltest');
    const member = await makeStaff(partner.id, 'member');
    const results = await Promise.allSettled(Array.from({ length: testSendPolicy.perUserPerHour + 3 }, () => sendTestEmail(member.ctx, 'otp')));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(testSendPolicy.perUserPerHour);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.every((r) => (r.reason as { code: string }).code === 'rate_limited')).toBe(true);
    const sent = await outbox(partner.id, member.email);
    expect(sent).toHaveLength(testSendPolicy.perUserPerHour);
    expect(sent[0]!.subject).toMatch(/^\[Test\] /);
    await expect(sendTestEmail(systemFor(partner.id), 'otp')).rejects.toMatchObject({ code: 'forbidden' });
  });
});
