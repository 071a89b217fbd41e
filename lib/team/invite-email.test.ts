import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { messages } from '@/db/schema';
import { updateBranding } from '@/lib/branding/update-branding';
import { unseal } from '@/lib/crypto/secret-box';
import { createOnboardingLink } from '@/lib/onboarding/onboarding-links';
import { makePartner, makeStaff, systemFor, uniqueEmail } from '@/test/factories';
import { addTeamMember } from './add-team-member';
import { resendInvite } from './resend-invite';

/** The e-mails in the outbox for one address, newest last, as the worker will send them. */
async function mailTo(partnerId: string, to: string) {
  const rows = await getDb().select().from(messages).where(and(eq(messages.partnerId, partnerId), eq(messages.recipient, to))).orderBy(messages.id);
  return rows.map((row) => ({ template: row.template, subject: row.subject, text: (JSON.parse(unseal(row.sealedBody ?? "")) as { text: string }).text }));
}

describe('messages that must reach people', () => {
  it('e-mails a team invitation, and a fresh one when it is resent, in the partner’s brand', async () => {
    const partner = await makePartner('invmail');
    await updateBranding(systemFor(partner.id), { productName: 'Nimbus Voice', primaryColor: '#0f766e', secondaryColor: '#1f2937', supportEmail: '' });
    const admin = await makeStaff(partner.id, 'admin');
    const email = uniqueEmail('invitee');
    const added = await addTeamMember(admin.ctx, { email, name: 'Ines Invitee', role: 'member', delivery: 'invite' });
    const [invite] = await mailTo(partner.id, email);
    expect(invite).toMatchObject({ template: 'team_invite', subject: 'You are invited to Nimbus Voice' });
    expect(invite!.text).toContain(`/invite/${added.inviteToken}`);

    const resent = await resendInvite(admin.ctx, added.user.id);
    const mail = await mailTo(partner.id, email);
    expect(mail).toHaveLength(2);
    expect(mail[1]!.text).toContain(`/invite/${resent.inviteToken}`);
  });

  it('does not e-mail a member given a password instead', async () => {
    const partner = await makePartner('invmail');
    const email = uniqueEmail('direct');
    await addTeamMember(systemFor(partner.id), { email, name: 'Dev Direct', role: 'member', delivery: 'password' });
    expect(await mailTo(partner.id, email)).toEqual([]);
  });

  it('e-mails an onboarding link to the prefilled address when asked to send it', async () => {
    const partner = await makePartner('lnkmail');
    await updateBranding(systemFor(partner.id), { productName: 'Nimbus Voice', primaryColor: '#0f766e', secondaryColor: '#1f2937', supportEmail: '' });
    const staff = await makeStaff(partner.id, 'member');
    const email = uniqueEmail('prospect');
    const link = await createOnboardingLink(staff.ctx, { prefill: { name: 'Priya', email } }, { sendEmail: true });
    expect(link.emailed_to).toBe(email);
    const [sent] = await mailTo(partner.id, email);
    expect(sent).toMatchObject({ template: 'onboarding_link', subject: 'Open your Nimbus Voice account' });
    expect(sent!.text).toContain(link.url);
    expect(sent!.text).toContain('Hello Priya');

    const quiet = await createOnboardingLink(staff.ctx, { prefill: { email: uniqueEmail('quiet') } });
    expect(quiet.emailed_to).toBeNull();
  });
});
