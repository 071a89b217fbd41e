import { z } from 'zod';
import { systemCtx } from '@/lib/audit/context';
import { passwordSchema } from '@/lib/auth/password-policy';
import { parseInput } from '@/lib/errors/zod';
import { findPartnerBySlug } from '@/lib/partners/get-partner';
import { addTeamMember, inviteLifetimeMs } from '@/lib/team/add-team-member';
import { setPartnerUserPassword } from '@/lib/team/reset-password';
import type { AddTeamMemberInput } from '@/lib/team/schemas';
import { partnerUrl } from '@/lib/tenancy/urls';
import { defineCommand, UsageError } from '../command';

export const createPartnerUserCommand = defineCommand({
  name: 'create-partner-user',
  summary: "Add someone to a partner's team, with a generated password, a given one, or an invitation link.",
  usage: '--partner <slug> --email <email> --name <name> [--role owner|admin|member] [--password <password> | --invite]',
  options: {
    partner: { type: 'string' },
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    password: { type: 'string' },
    invite: { type: 'boolean' },
  },
  required: ['partner', 'email', 'name'],
  check(flags) {
    if (flags.invite && flags.password !== undefined) throw new UsageError('use either --password or --invite, not both');
  },
  async run(flags, io) {
    // A bad password must stop us before the user exists, not after.
    if (flags.password !== undefined) parseInput(z.object({ password: passwordSchema }), { password: flags.password });
    const partner = await findPartnerBySlug(systemCtx, flags.partner);
    const ctx = { ...systemCtx, partnerId: partner.id };
    const added = await addTeamMember(ctx, {
      email: flags.email,
      name: flags.name,
      role: flags.role as AddTeamMemberInput['role'],
      delivery: flags.invite ? 'invite' : 'password',
    });
    const { user } = added;
    if (added.inviteToken) {
      io.out(`Invited ${user.name} <${user.email}> to ${partner.slug} as ${user.role} (${user.id}).`);
      io.out(`Invitation link (shown once, valid for ${inviteLifetimeMs / 86_400_000} days): ${partnerUrl(partner.slug, `/invite/${added.inviteToken}`)}`);
      return;
    }
    if (flags.password !== undefined) await setPartnerUserPassword(systemCtx, { partnerId: partner.id, email: user.email, password: flags.password }, { temporary: true });
    io.out(`Added ${user.name} <${user.email}> to ${partner.slug} as ${user.role} (${user.id}).`);
    io.out(flags.password === undefined ? `Temporary password (shown once): ${added.temporaryPassword}` : 'Password: the one given with --password.');
    io.out('They choose a password of their own at their first sign-in.');
    io.out(`Sign in at ${partnerUrl(partner.slug, '/login')}`);
  },
});
