import { describe, expect, it } from 'vitest';
import { makePartner, makeStaff, systemFor, uniqueEmail } from '@/test/factories';
import { acceptInvite } from './accept-invite';
import { addTeamMember } from './add-team-member';
import { changeTeamRole, removeTeamMember } from './change-team-member';
import { listTeam } from './list-team';

const lastOwner = { code: 'conflict', message: 'The team must keep at least one owner.' };

describe('the last owner who can sign in', () => {
  it('cannot be demoted or removed while the only other owner is still an unaccepted invitation', async () => {
    const partner = await makePartner('owners');
    const operator = systemFor(partner.id);
    const owner = await makeStaff(partner.id, 'owner');
    const invited = await addTeamMember(operator, { email: uniqueEmail('owner'), name: 'Invited Owner', role: 'owner', delivery: 'invite' });

    await expect(changeTeamRole(operator, { userId: owner.id, role: 'admin' })).rejects.toMatchObject(lastOwner);
    await expect(removeTeamMember(operator, owner.id)).rejects.toMatchObject(lastOwner);

    // Once the invited owner has chosen a password they can run the team, and the first owner may step down.
    await acceptInvite(partner.id, { token: invited.inviteToken!, name: 'Invited Owner', password: 'owner-password-12' });
    await changeTeamRole(operator, { userId: owner.id, role: 'admin' });
    expect((await listTeam(operator)).filter((member) => member.role === 'owner').map((member) => member.id)).toEqual([invited.user.id]);
  });

  it('may remove an invited owner who never accepted', async () => {
    const partner = await makePartner('owners');
    const operator = systemFor(partner.id);
    const owner = await makeStaff(partner.id, 'owner');
    const invited = await addTeamMember(operator, { email: uniqueEmail('owner'), name: 'Invited Owner', role: 'owner', delivery: 'invite' });
    await removeTeamMember(owner.ctx, invited.user.id);
    expect((await listTeam(operator)).map((member) => member.id)).toEqual([owner.id]);
  });

  // What a user sees when two demotions race. (PGlite runs transactions one at a time; only PostgreSQL, as in
  // CI, really overlaps them, and a lock-order deadlock may still not show in one run.)
  it('when two owners are demoted at the same moment, one succeeds and the other is told why', async () => {
    const partner = await makePartner('owners');
    const operator = systemFor(partner.id);
    const first = await makeStaff(partner.id, 'owner');
    const second = await makeStaff(partner.id, 'owner');

    const outcomes = await Promise.allSettled([changeTeamRole(operator, { userId: first.id, role: 'admin' }), changeTeamRole(operator, { userId: second.id, role: 'admin' })]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const [refused] = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(refused!.reason).toMatchObject(lastOwner);
    expect((await listTeam(operator)).filter((member) => member.role === 'owner')).toHaveLength(1);
  });
});
