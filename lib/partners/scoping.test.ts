import { describe, expect, it } from 'vitest';
import { systemCtx, type PartnerCtx } from '@/lib/audit/context';
import { getBranding, setLogo, updateBranding } from '@/lib/branding/update-branding';
import { addDomain, listDomains, removeDomain } from '@/lib/domains/manage-domains';
import { verifyDomain } from '@/lib/domains/verify-domain';
import { addTeamMember } from '@/lib/team/add-team-member';
import { changeTeamRole, removeTeamMember } from '@/lib/team/change-team-member';
import { listTeam } from '@/lib/team/list-team';
import { makePartner, makeStaff, systemFor, unique, uniqueDomain, uniqueEmail } from '@/test/factories';
import { createPartner } from './create-partner';

const brand = { productName: 'Changed Name', primaryColor: '#123456', secondaryColor: '#654321', supportEmail: '' };

/** Two partners, each with an owner, an admin, a member and a custom domain. */
async function twoPartners() {
  const make = async () => {
    const partner = await makePartner('scope');
    const [owner, admin, member] = [await makeStaff(partner.id, 'owner'), await makeStaff(partner.id, 'admin'), await makeStaff(partner.id, 'member')];
    const domain = await addDomain(systemFor(partner.id), { hostname: uniqueDomain() });
    return { partner, owner, admin, member, domain };
  };
  return { a: await make(), b: await make() };
}

describe('partner scoping', () => {
  it('refuses a partner user acting under another partner’s id', async () => {
    const { a, b } = await twoPartners();
    // A's owner, with a context that claims to be inside B.
    const forged: PartnerCtx = { ...a.owner.ctx, partnerId: b.partner.id };
    const calls: Array<() => Promise<unknown>> = [
      () => getBranding(forged),
      () => updateBranding(forged, brand),
      () => listDomains(forged),
      () => addDomain(forged, { hostname: uniqueDomain() }),
      () => removeDomain(forged, b.domain.id),
      () => verifyDomain(forged, b.domain.id, async () => []),
      () => listTeam(forged),
      () => addTeamMember(forged, { email: uniqueEmail(), name: 'Intruder' }),
      () => changeTeamRole(forged, { userId: b.member.id, role: 'admin' }),
      () => removeTeamMember(forged, b.member.id),
    ];
    for (const call of calls) await expect(call()).rejects.toMatchObject({ code: 'forbidden', status: 403 });
    expect((await getBranding(systemFor(b.partner.id))).productName).toBe(b.partner.name);
    expect(await listTeam(systemFor(b.partner.id))).toHaveLength(3);
  });

  it('only ever reads and changes the caller’s own partner', async () => {
    const { a, b } = await twoPartners();

    expect((await getBranding(a.owner.ctx)).productName).toBe(a.partner.name);
    await updateBranding(a.owner.ctx, brand);
    expect((await getBranding(a.owner.ctx)).productName).toBe('Changed Name');
    expect(await getBranding(b.owner.ctx)).toMatchObject({ productName: b.partner.name, primaryColor: '#4f46e5' });

    const domains = await listDomains(a.owner.ctx);
    expect(domains.custom.map((d) => d.id)).toEqual([a.domain.id]);
    expect(domains.subdomain.startsWith(`${a.partner.slug}.`)).toBe(true);

    expect((await listTeam(a.member.ctx)).map((u) => u.id).sort()).toEqual([a.owner.id, a.admin.id, a.member.id].sort());
  });

  it('answers not found for another partner’s domains and team members, and leaves them alone', async () => {
    const { a, b } = await twoPartners();
    const notFound = { code: 'not_found', status: 404 };

    await expect(removeDomain(a.owner.ctx, b.domain.id)).rejects.toMatchObject(notFound);
    await expect(verifyDomain(a.owner.ctx, b.domain.id, async () => [])).rejects.toMatchObject(notFound);
    await expect(changeTeamRole(a.owner.ctx, { userId: b.member.id, role: 'admin' })).rejects.toMatchObject(notFound);
    await expect(changeTeamRole(a.owner.ctx, { userId: b.owner.id, role: 'member' })).rejects.toMatchObject(notFound);
    await expect(removeTeamMember(a.owner.ctx, b.member.id)).rejects.toMatchObject(notFound);
    await expect(removeTeamMember(a.owner.ctx, b.owner.id)).rejects.toMatchObject(notFound);

    expect((await listDomains(b.owner.ctx)).custom).toEqual([expect.objectContaining({ id: b.domain.id, status: 'pending', checkedAt: null })]);
    const team = await listTeam(b.owner.ctx);
    expect(team.map((u) => [u.id, u.role]).sort()).toEqual(
      [
        [b.owner.id, 'owner'],
        [b.admin.id, 'admin'],
        [b.member.id, 'member'],
      ].sort(),
    );
  });
});

describe('roles', () => {
  it('lets a member look but not change branding, domains or the team', async () => {
    const { a } = await twoPartners();
    const { ctx } = a.member;
    expect(await getBranding(ctx)).toMatchObject({ productName: a.partner.name });
    expect((await listDomains(ctx)).custom).toHaveLength(1);

    const forbidden = { code: 'forbidden', status: 403 };
    await expect(updateBranding(ctx, brand)).rejects.toMatchObject(forbidden);
    await expect(setLogo(ctx, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]))).rejects.toMatchObject(forbidden);
    await expect(addDomain(ctx, { hostname: uniqueDomain() })).rejects.toMatchObject(forbidden);
    await expect(removeDomain(ctx, a.domain.id)).rejects.toMatchObject(forbidden);
    await expect(verifyDomain(ctx, a.domain.id, async () => [])).rejects.toMatchObject(forbidden);
    await expect(addTeamMember(ctx, { email: uniqueEmail(), name: 'Friend' })).rejects.toMatchObject(forbidden);
    await expect(removeTeamMember(ctx, a.admin.id)).rejects.toMatchObject(forbidden);
    expect((await getBranding(ctx)).productName).toBe(a.partner.name);
  });

  it('lets an admin add admins and members but not owners, and not promote anyone to owner', async () => {
    const { a } = await twoPartners();
    const { ctx } = a.admin;
    await expect(addTeamMember(ctx, { email: uniqueEmail(), name: 'Would-be Owner', role: 'owner' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(changeTeamRole(ctx, { userId: a.member.id, role: 'owner' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(changeTeamRole(ctx, { userId: a.owner.id, role: 'member' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(removeTeamMember(ctx, a.owner.id)).rejects.toMatchObject({ code: 'forbidden' });

    const added = await addTeamMember(ctx, { email: uniqueEmail(), name: 'New Admin', role: 'admin' });
    expect(added.user.role).toBe('admin');
    await changeTeamRole(ctx, { userId: a.member.id, role: 'admin' });
    expect((await listTeam(ctx)).find((u) => u.id === a.member.id)?.role).toBe('admin');
    expect((await listTeam(ctx)).filter((u) => u.role === 'owner').map((u) => u.id)).toEqual([a.owner.id]);
  });

  it('does not let anyone change their own membership', async () => {
    const { a } = await twoPartners();
    await expect(changeTeamRole(a.admin.ctx, { userId: a.admin.id, role: 'member' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(removeTeamMember(a.owner.ctx, a.owner.id)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('always keeps one owner: the last owner can be neither demoted nor removed', async () => {
    const { a } = await twoPartners();
    const operator = systemFor(a.partner.id);
    const lastOwner = { code: 'conflict', message: 'The team must keep at least one owner.' };
    await expect(changeTeamRole(operator, { userId: a.owner.id, role: 'admin' })).rejects.toMatchObject(lastOwner);
    await expect(removeTeamMember(operator, a.owner.id)).rejects.toMatchObject(lastOwner);

    // With a second owner, one of them may go; then the other is the last again.
    const second = await makeStaff(a.partner.id, 'owner');
    await changeTeamRole(second.ctx, { userId: a.owner.id, role: 'admin' });
    await expect(removeTeamMember(operator, second.id)).rejects.toMatchObject(lastOwner);
    await expect(changeTeamRole(operator, { userId: second.id, role: 'member' })).rejects.toMatchObject(lastOwner);

    const owners = (await listTeam(operator)).filter((u) => u.role === 'owner');
    expect(owners.map((u) => u.id)).toEqual([second.id]);
  });
});

describe('createPartner', () => {
  it('is for operators only', async () => {
    const { a } = await twoPartners();
    await expect(createPartner(a.owner.ctx, { slug: `mine-${unique()}`, name: 'My Own Partner' })).rejects.toMatchObject({ code: 'forbidden', status: 403 });
    await expect(createPartner({ actor: { type: 'client_member', id: 'mbr_x', partnerId: a.partner.id, clientId: 'cli_x' } }, { slug: `mine-${unique()}`, name: 'Mine' })).rejects.toMatchObject({ code: 'forbidden' });
    const byOperator = await createPartner({ actor: { type: 'operator', id: 'opr_x' } }, { slug: `ops-${unique()}`, name: 'By Operator' });
    expect(byOperator.status).toBe('active');
  });

  it('normalises the slug and refuses a taken one on the slug field', async () => {
    const slug = `taken-${unique()}`;
    const partner = await createPartner(systemCtx, { slug: `  ${slug.toUpperCase()} `, name: 'First' });
    expect(partner.slug).toBe(slug);
    await expect(createPartner(systemCtx, { slug, name: 'Second' })).rejects.toMatchObject({
      code: 'conflict',
      status: 409,
      fieldErrors: { slug: `The slug “${slug}” is already taken.` },
    });
  });

  it.each([
    ['www', 'This name is reserved; choose another.'],
    ['admin', 'This name is reserved; choose another.'],
    ['ab', 'Use at least 3 characters.'],
    ['a'.repeat(41), 'Use at most 40 characters.'],
    ['acme.evil', 'Use lower-case letters, digits and inner hyphens only (it becomes a host name).'],
    ['-acme', 'Use lower-case letters, digits and inner hyphens only (it becomes a host name).'],
    ['acme_co', 'Use lower-case letters, digits and inner hyphens only (it becomes a host name).'],
    ['ac--me', 'Avoid two hyphens in a row.'],
  ])('refuses the slug %j', async (slug, message) => {
    await expect(createPartner(systemCtx, { slug, name: 'Valid Name' })).rejects.toMatchObject({ code: 'validation_failed', status: 400, fieldErrors: { slug: message } });
  });
});
