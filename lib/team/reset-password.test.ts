import { describe, expect, it } from 'vitest';
import { systemCtx } from '@/lib/audit/context';
import { listPartnerAudit } from '@/lib/audit/list-audit';
import { authenticate } from '@/lib/auth/authenticate';
import { getConfig } from '@/lib/config';
import { createOperator } from '@/lib/operators/manage-operators';
import { resetOperatorPassword } from '@/lib/operators/reset-password';
import { makePartner, makeStaff, subdomainOf, systemFor, uniqueEmail } from '@/test/factories';
import { addTeamMember } from './add-team-member';
import { findInvite } from './accept-invite';
import { listTeam } from './list-team';
import { resetTeamMemberPassword, setPartnerUserPassword } from './reset-password';
import { startAuthSession, openSessionOf } from '@/lib/auth/auth-sessions';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { partnerUsers } from '@/db/schema';

const signIn = (host: string, email: string, password: string) => authenticate({ host, email, password, ip: null });

describe('setPartnerUserPassword', () => {
  it('replaces the password, whatever the case of the e-mail, and records it in the audit trail', async () => {
    const partner = await makePartner('reset');
    const staff = await makeStaff(partner.id, 'admin');
    const user = await setPartnerUserPassword(systemCtx, { partnerId: partner.id, email: staff.email.toUpperCase(), password: 'brand-new-pass-1' });
    expect(user).toEqual({ id: staff.id, email: staff.email, name: 'Test admin' });

    expect(await signIn(subdomainOf(partner.slug), staff.email, 'brand-new-pass-1')).toMatchObject({ ok: true });
    expect(await signIn(subdomainOf(partner.slug), staff.email, staff.password)).toEqual({ ok: false, reason: 'invalid' });
    const [entry] = await listPartnerAudit(systemFor(partner.id), { targetId: staff.id });
    expect(entry).toMatchObject({ action: 'team.password_reset', actorType: 'system', before: null, after: null });
  });

  it('closes an open invitation, since the account can now be used', async () => {
    const partner = await makePartner('reset');
    const email = uniqueEmail('invited');
    const { inviteToken, user } = await addTeamMember(systemFor(partner.id), { email, name: 'Invited', delivery: 'invite' });
    await setPartnerUserPassword(systemCtx, { partnerId: partner.id, email, password: 'brand-new-pass-1' });
    expect(await findInvite(partner.id, inviteToken!)).toBeNull();
    expect((await listTeam(systemFor(partner.id))).find((u) => u.id === user.id)?.state).toBe('active');
  });

  it('is for operators and the system only', async () => {
    const partner = await makePartner('reset');
    const owner = await makeStaff(partner.id, 'owner');
    const member = await makeStaff(partner.id, 'member');
    await expect(setPartnerUserPassword(owner.ctx, { partnerId: partner.id, email: member.email, password: 'brand-new-pass-1' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(setPartnerUserPassword({ actor: { type: 'operator', id: 'opr_x' } }, { partnerId: partner.id, email: member.email, password: 'brand-new-pass-1' })).resolves.toMatchObject({ id: member.id });
  });

  it('answers 404 for someone who is not on that partner’s team', async () => {
    const partner = await makePartner('reset');
    const other = await makePartner('reset');
    const staff = await makeStaff(other.id);
    for (const email of [uniqueEmail('nobody'), staff.email]) {
      await expect(setPartnerUserPassword(systemCtx, { partnerId: partner.id, email, password: 'brand-new-pass-1' })).rejects.toMatchObject({ code: 'not_found', status: 404 });
    }
    // The other partner's user keeps their password.
    expect(await signIn(subdomainOf(other.slug), staff.email, staff.password)).toMatchObject({ ok: true });
  });

  it('checks the new password against the password rules', async () => {
    const partner = await makePartner('reset');
    const staff = await makeStaff(partner.id);
    await expect(setPartnerUserPassword(systemCtx, { partnerId: partner.id, email: staff.email, password: 'short' })).rejects.toMatchObject({
      code: 'validation_failed',
      fieldErrors: { password: 'Use at least 10 characters.' },
    });
  });
});

describe('resetOperatorPassword', () => {
  it('replaces an operator’s password; only operators and the system may', async () => {
    const email = uniqueEmail('ops');
    const operator = await createOperator(systemCtx, { email, name: 'Otto', password: 'first-password-1' });
    await resetOperatorPassword({ actor: { type: 'operator', id: operator.id } }, { email, password: 'second-password-2' });
    expect(await signIn(getConfig().PLATFORM_DOMAIN, email, 'second-password-2')).toMatchObject({ ok: true, user: { audience: 'operator' } });

    const partner = await makePartner('reset');
    const owner = await makeStaff(partner.id, 'owner');
    await expect(resetOperatorPassword(owner.ctx, { email, password: 'third-password-3' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(resetOperatorPassword(systemCtx, { email: uniqueEmail('nobody'), password: 'third-password-3' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('resetTeamMemberPassword (the Team page)', () => {
  it('gives a colleague a temporary password to change at the next sign-in, and ends their sessions', async () => {
    const partner = await makePartner('teamreset');
    const admin = await makeStaff(partner.id, 'admin');
    const member = await makeStaff(partner.id, 'member');
    const session = await startAuthSession({ audience: 'partner', accountId: member.id, partnerId: partner.id });

    const reset = await resetTeamMemberPassword(admin.ctx, member.id);
    expect(await signIn(subdomainOf(partner.slug), member.email, member.password)).toMatchObject({ ok: false });
    expect(await signIn(subdomainOf(partner.slug), member.email, reset.temporaryPassword)).toMatchObject({ ok: true });
    const [row] = await getDb().select({ must: partnerUsers.mustChangePassword }).from(partnerUsers).where(eq(partnerUsers.id, member.id));
    expect(row!.must).toBe(true);
    expect(await getDb().select().from(partnerUsers).where(and(eq(partnerUsers.id, member.id), openSessionOf(session, partnerUsers.id)))).toEqual([]);
  });

  it('is for admins, on people they outrank, never on themselves', async () => {
    const partner = await makePartner('teamreset');
    const owner = await makeStaff(partner.id, 'owner');
    const admin = await makeStaff(partner.id, 'admin');
    const member = await makeStaff(partner.id, 'member');
    await expect(resetTeamMemberPassword(member.ctx, admin.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(resetTeamMemberPassword(admin.ctx, owner.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(resetTeamMemberPassword(admin.ctx, admin.id)).rejects.toMatchObject({ code: 'forbidden' });
    const elsewhere = await makeStaff((await makePartner('teamreset')).id, 'member');
    await expect(resetTeamMemberPassword(admin.ctx, elsewhere.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
