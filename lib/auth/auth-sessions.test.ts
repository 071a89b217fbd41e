import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLog, authSessions, partnerUsers } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { createOperator } from '@/lib/operators/manage-operators';
import { resetOperatorPassword } from '@/lib/operators/reset-password';
import { addTeamMember } from '@/lib/team/add-team-member';
import { changeTeamRole, removeTeamMember } from '@/lib/team/change-team-member';
import { setPartnerUserPassword } from '@/lib/team/reset-password';
import { makePartner, makeStaff, subdomainOf, systemFor, uniqueEmail } from '@/test/factories';
import { changeOwnPassword, signOutEverywhere } from './account-password';
import { endAuthSession, openSessionOf, startAuthSession } from './auth-sessions';
import { authenticate } from './authenticate';

/** What every console request asks: is this cookie's session open for this partner user? (see session.ts) */
async function staffSessionWorks(sessionId: string, userId: string): Promise<boolean> {
  const rows = await getDb()
    .select({ id: partnerUsers.id })
    .from(partnerUsers)
    .where(and(eq(partnerUsers.id, userId), openSessionOf(sessionId, partnerUsers.id)));
  return rows.length === 1;
}

async function signedInTwice(role: 'owner' | 'admin' | 'member' = 'member') {
  const partner = await makePartner('sessions');
  const staff = await makeStaff(partner.id, role);
  const open = () => startAuthSession({ audience: 'partner', accountId: staff.id, partnerId: partner.id });
  return { partner, staff, laptop: await open(), phone: await open() };
}

describe('sessions', () => {
  it('are open after sign-in, and signing out ends that one session only', async () => {
    const { staff, laptop, phone } = await signedInTwice();
    expect(await staffSessionWorks(laptop, staff.id)).toBe(true);
    await endAuthSession(laptop);
    expect(await staffSessionWorks(laptop, staff.id)).toBe(false);
    expect(await staffSessionWorks(phone, staff.id)).toBe(true);
  });

  it('belong to one account: another account’s session id, a made-up one or none does not work', async () => {
    const { partner, staff, laptop } = await signedInTwice();
    const colleague = await makeStaff(partner.id);
    expect(await staffSessionWorks(laptop, colleague.id)).toBe(false);
    expect(await staffSessionWorks('ses_01jxxxxxxxxxxxxxxxxxxxxxxx', staff.id)).toBe(false);
    expect(await staffSessionWorks('', staff.id)).toBe(false);
  });

  it('expire with the cookie', async () => {
    const { staff, laptop } = await signedInTwice();
    await getDb().update(authSessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(authSessions.id, laptop));
    expect(await staffSessionWorks(laptop, staff.id)).toBe(false);
  });

  it('all end on "sign out everywhere", and the audit log says so', async () => {
    const { partner, staff, laptop, phone } = await signedInTwice();
    expect(await signOutEverywhere(staff.ctx, { audience: 'partner', id: staff.id, partnerId: partner.id })).toBe(2);
    expect(await staffSessionWorks(laptop, staff.id)).toBe(false);
    expect(await staffSessionWorks(phone, staff.id)).toBe(false);
    const [entry] = await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'auth.signed_out_everywhere'), eq(auditLog.targetId, staff.id)));
    expect(entry).toMatchObject({ actorId: staff.id, after: { sessions_ended: 2 } });
  });

  it('all end when an operator or the CLI resets the password', async () => {
    const { partner, staff, laptop, phone } = await signedInTwice();
    await setPartnerUserPassword(systemCtx, { partnerId: partner.id, email: staff.email, password: 'a-fresh-password-9' });
    expect(await staffSessionWorks(laptop, staff.id)).toBe(false);
    expect(await staffSessionWorks(phone, staff.id)).toBe(false);
  });

  it('all end on a role change and on removal from the team', async () => {
    const demoted = await signedInTwice('admin');
    await changeTeamRole(systemFor(demoted.partner.id), { userId: demoted.staff.id, role: 'member' });
    expect(await staffSessionWorks(demoted.laptop, demoted.staff.id)).toBe(false);

    const removed = await signedInTwice();
    await removeTeamMember(systemFor(removed.partner.id), removed.staff.id);
    const [row] = await getDb().select().from(authSessions).where(eq(authSessions.id, removed.phone));
    expect(row).toMatchObject({ endedReason: 'removed' });
  });

  it('other than the current one end when the person changes their own password', async () => {
    const { partner, staff, laptop, phone } = await signedInTwice();
    await changeOwnPassword(staff.ctx, { audience: 'partner', id: staff.id, partnerId: partner.id, sessionId: laptop }, { password: 'my-own-password-7', password_confirmation: 'my-own-password-7' });
    expect(await staffSessionWorks(laptop, staff.id)).toBe(true);
    expect(await staffSessionWorks(phone, staff.id)).toBe(false);
  });

  it('of an operator end when the password is reset', async () => {
    const email = uniqueEmail('operator');
    const operator = await createOperator(systemCtx, { email, name: 'Olga', password: 'operator-pass-1' });
    const sessionId = await startAuthSession({ audience: 'operator', accountId: operator.id, partnerId: null });
    await resetOperatorPassword(systemCtx, { email, password: 'operator-pass-2' });
    const [row] = await getDb().select().from(authSessions).where(eq(authSessions.id, sessionId));
    expect(row).toMatchObject({ endedReason: 'password_reset' });
  });
});

describe('temporary passwords', () => {
  it('must be changed: a temporary password from the Team page or the CLI is flagged, choosing one’s own clears it', async () => {
    const partner = await makePartner('temporary');
    const added = await addTeamMember(systemFor(partner.id), { email: uniqueEmail('new'), name: 'New Person', role: 'member', delivery: 'password' });
    const flagOf = async (id: string) => (await getDb().select({ must: partnerUsers.mustChangePassword }).from(partnerUsers).where(eq(partnerUsers.id, id)))[0]!.must;
    const flag = () => flagOf(added.user.id);
    expect(await flag()).toBe(true);

    // Set by the CLI: it still signs in (to the page that changes it), and is flagged.
    const staff = await makeStaff(partner.id);
    expect(await flagOf(staff.id)).toBe(false);
    await setPartnerUserPassword(systemCtx, { partnerId: partner.id, email: staff.email, password: 'set-by-cli-1234' }, { temporary: true });
    expect(await flagOf(staff.id)).toBe(true);
    expect(await authenticate({ host: subdomainOf(partner.slug), email: staff.email, password: 'set-by-cli-1234', ip: null })).toMatchObject({ ok: true });

    const sessionId = await startAuthSession({ audience: 'partner', accountId: added.user.id, partnerId: partner.id });
    await expect(
      changeOwnPassword(systemFor(partner.id), { audience: 'partner', id: added.user.id, partnerId: partner.id, sessionId }, { password: 'mine-only-123', password_confirmation: 'mine-only-124' }),
    ).rejects.toMatchObject({ fieldErrors: { password_confirmation: 'The two passwords differ.' } });
    const temporary = added.temporaryPassword!;
    await expect(
      changeOwnPassword(systemFor(partner.id), { audience: 'partner', id: added.user.id, partnerId: partner.id, sessionId }, { password: temporary, password_confirmation: temporary }),
    ).rejects.toMatchObject({ fieldErrors: { password: expect.stringMatching(/other than the temporary one/) } });
    await changeOwnPassword(systemFor(partner.id), { audience: 'partner', id: added.user.id, partnerId: partner.id, sessionId }, { password: 'mine-only-123', password_confirmation: 'mine-only-123' });
    expect(await flag()).toBe(false);
  });
});
