import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { partnerUsers } from '@/db/schema';
import { listPartnerAudit } from '@/lib/audit/list-audit';
import { makePartner, makeStaff, systemFor, uniqueEmail } from '@/test/factories';
import { acceptInvite, findInvite } from './accept-invite';
import { addTeamMember } from './add-team-member';
import { listTeam } from './list-team';
import { resendInvite } from './resend-invite';

async function invitedMember(partnerId: string, role: 'member' | 'owner' = 'member') {
  return addTeamMember(systemFor(partnerId), { email: uniqueEmail('invited'), name: 'Ines Invited', role, delivery: 'invite' });
}

describe('resendInvite', () => {
  it('gives an expired invitation a fresh link, and the old one stays dead', async () => {
    const partner = await makePartner('resend');
    const admin = await makeStaff(partner.id, 'admin');
    const invited = await invitedMember(partner.id);
    await getDb().update(partnerUsers).set({ inviteExpiresAt: new Date(Date.now() - 1000) }).where(eq(partnerUsers.id, invited.user.id));
    expect((await listTeam(admin.ctx)).find((member) => member.id === invited.user.id)?.state).toBe('invite_expired');

    const resent = await resendInvite(admin.ctx, invited.user.id);
    expect(resent.user).toEqual({ id: invited.user.id, email: invited.user.email, name: 'Ines Invited' });
    expect(resent.inviteToken).not.toBe(invited.inviteToken);
    expect((await listTeam(admin.ctx)).find((member) => member.id === invited.user.id)?.state).toBe('invited');
    expect(await findInvite(partner.id, invited.inviteToken!)).toBeNull();

    await acceptInvite(partner.id, { token: resent.inviteToken, name: 'Ines Invited', password: 'invited-password-1' });
    expect((await listTeam(admin.ctx)).find((member) => member.id === invited.user.id)?.state).toBe('active');
    const entry = (await listPartnerAudit(systemFor(partner.id), { targetId: invited.user.id })).find((e) => e.action === 'team.invite_resent');
    expect(entry).toMatchObject({ action: 'team.invite_resent', actorType: 'partner_user', actorId: admin.id });
  });

  it('replaces a link that is still open, so a lost link cannot be used', async () => {
    const partner = await makePartner('resend');
    const invited = await invitedMember(partner.id);
    const resent = await resendInvite(systemFor(partner.id), invited.user.id);
    expect(await findInvite(partner.id, invited.inviteToken!)).toBeNull();
    expect(await findInvite(partner.id, resent.inviteToken)).toMatchObject({ id: invited.user.id });
  });

  it('refuses someone who can already sign in, members, outranked callers and other partners’ people', async () => {
    const partner = await makePartner('resend');
    const admin = await makeStaff(partner.id, 'admin');
    const member = await makeStaff(partner.id, 'member');
    const active = await makeStaff(partner.id, 'member');
    const invitedOwner = await invitedMember(partner.id, 'owner');
    const elsewhere = await invitedMember((await makePartner('resend')).id);

    await expect(resendInvite(admin.ctx, active.id)).rejects.toMatchObject({ code: 'conflict' });
    await expect(resendInvite(member.ctx, invitedOwner.user.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(resendInvite(admin.ctx, invitedOwner.user.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(resendInvite(admin.ctx, elsewhere.user.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
