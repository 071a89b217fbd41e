import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { clientMembers, messages } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { sessionIsOpen, startAuthSession } from '@/lib/auth/auth-sessions';
import { seedClient } from '@/lib/clients/seed-client';
import { unseal } from '@/lib/crypto/secret-box';
import { makePartner, makeStaff, systemFor, uniqueEmail } from '@/test/factories';
import { acceptMemberInvite, findMemberInvite } from './accept-member-invite';
import { changeClientMemberRole, inviteClientMember, listClientMembers, removeClientMember } from './manage-client-members';

async function clientWithOwner(partnerId: string, name = 'Sharma Traders') {
  const email = uniqueEmail('owner');
  const client = await seedClient(systemFor(partnerId), { name, email, status: 'active', owner: { name: 'Olga Owner', password: 'client-pass-12' } });
  const [owner] = await getDb().select().from(clientMembers).where(eq(clientMembers.clientId, client.id));
  const ctx: PartnerCtx = { partnerId, actor: { type: 'client_member', id: owner!.id, partnerId, clientId: client.id } };
  return { client, owner: owner!, ctx };
}

describe('client members', () => {
  it('the owner invites a member by a branded e-mail; the link sets a password once', async () => {
    const partner = await makePartner('mbr');
    const { client, ctx } = await clientWithOwner(partner.id, '<b>Sharma</b> & Sons');
    const email = uniqueEmail('invitee');
    const { member, inviteToken } = await inviteClientMember(ctx, client.id, { email, name: 'Ivan Invitee' });
    expect(member).toMatchObject({ role: 'member', status: 'invited' });
    const [mail] = await getDb().select().from(messages).where(and(eq(messages.partnerId, partner.id), eq(messages.recipient, email)));
    expect(mail).toMatchObject({ template: 'client_member_invitation', clientId: client.id, subject: expect.stringMatching(/^Join <b>Sharma<\/b> & Sons on /) });
    const body = JSON.parse(unseal(mail!.sealedBody!)) as { html: string; text: string };
    expect(body.text).toContain(`/join/${inviteToken}`);
    expect(body.html).toContain('&lt;b&gt;Sharma&lt;/b&gt;');

    expect(await findMemberInvite(partner.id, inviteToken)).toMatchObject({ email });
    const other = await makePartner('mbr');
    expect(await findMemberInvite(other.id, inviteToken)).toBeNull();
    await acceptMemberInvite(partner.id, { token: inviteToken, name: 'Ivan I.', password: 'member-pass-12' });
    await expect(acceptMemberInvite(partner.id, { token: inviteToken, name: 'Ivan I.', password: 'member-pass-12' })).rejects.toMatchObject({ code: 'not_found' });
    expect((await listClientMembers(ctx, client.id)).map((m) => [m.name, m.status])).toEqual([
      ['Olga Owner', 'active'],
      ['Ivan I.', 'active'],
    ]);
  });

  it('a member cannot manage, and nobody sees another client’s members', async () => {
    const partner = await makePartner('mbr');
    const a = await clientWithOwner(partner.id);
    const b = await clientWithOwner(partner.id);
    await expect(listClientMembers(a.ctx, b.client.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(removeClientMember(a.ctx, b.client.id, b.owner.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(removeClientMember(a.ctx, a.client.id, b.owner.id)).rejects.toMatchObject({ code: 'not_found' });
    const other = await makePartner('mbr');
    await expect(listClientMembers(systemFor(other.id), a.client.id)).rejects.toMatchObject({ code: 'not_found' });

    const { member, inviteToken } = await inviteClientMember(a.ctx, a.client.id, { email: uniqueEmail('m'), name: 'Mona Member' });
    await acceptMemberInvite(partner.id, { token: inviteToken, name: 'Mona Member', password: 'member-pass-12' });
    const memberCtx: PartnerCtx = { partnerId: partner.id, actor: { type: 'client_member', id: member.id, partnerId: partner.id, clientId: a.client.id } };
    expect(await listClientMembers(memberCtx, a.client.id)).toHaveLength(2);
    await expect(inviteClientMember(memberCtx, a.client.id, { email: uniqueEmail('x'), name: 'X' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(removeClientMember(memberCtx, a.client.id, a.owner.id)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('keeps the last owner, even against two changes at once, and ends a removed member’s sessions', async () => {
    const partner = await makePartner('mbr');
    const { client, owner } = await clientWithOwner(partner.id);
    const admin = await makeStaff(partner.id, 'admin');
    await expect(changeClientMemberRole(admin.ctx, client.id, owner.id, { role: 'member' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(removeClientMember(admin.ctx, client.id, owner.id)).rejects.toMatchObject({ code: 'conflict' });

    const { member, inviteToken } = await inviteClientMember(admin.ctx, client.id, { email: uniqueEmail('second'), name: 'Second Owner', role: 'owner' });
    // An invited owner who has not accepted does not count.
    await expect(removeClientMember(admin.ctx, client.id, owner.id)).rejects.toMatchObject({ code: 'conflict' });
    await acceptMemberInvite(partner.id, { token: inviteToken, name: 'Second Owner', password: 'member-pass-12' });
    const results = await Promise.allSettled([removeClientMember(admin.ctx, client.id, owner.id), changeClientMemberRole(admin.ctx, client.id, member.id, { role: 'member' })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const owners = (await listClientMembers(admin.ctx, client.id)).filter((m) => m.role === 'owner');
    expect(owners).toHaveLength(1);

    const remaining = owners[0]!;
    const { member: extra, inviteToken: t2 } = await inviteClientMember(admin.ctx, client.id, { email: uniqueEmail('extra'), name: 'Extra' });
    await acceptMemberInvite(partner.id, { token: t2, name: 'Extra', password: 'member-pass-12' });
    const session = await startAuthSession({ audience: 'client', accountId: extra.id, partnerId: partner.id });
    expect(await sessionIsOpen(session, extra.id)).toBe(true);
    const ownerCtx: PartnerCtx = { partnerId: partner.id, actor: { type: 'client_member', id: remaining.id, partnerId: partner.id, clientId: client.id } };
    await removeClientMember(ownerCtx, client.id, extra.id);
    expect(await sessionIsOpen(session, extra.id)).toBe(false);
  });
});
