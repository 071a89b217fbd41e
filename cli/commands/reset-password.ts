import { systemCtx } from '@/lib/audit/context';
import { newTemporaryPassword } from '@/lib/crypto/tokens';
import { resetOperatorPassword } from '@/lib/operators/reset-password';
import { findPartnerBySlug } from '@/lib/partners/get-partner';
import { setPartnerUserPassword } from '@/lib/team/reset-password';
import { partnerUrl, platformUrl } from '@/lib/tenancy/urls';
import { defineCommand, UsageError } from '../command';

export const resetPasswordCommand = defineCommand({
  name: 'reset-password',
  summary: "Set a new password for a partner user (--partner) or an operator (--operator), and lift any sign-in lock.",
  usage: '(--partner <slug> | --operator) --email <email> [--password <password>]',
  options: { partner: { type: 'string' }, operator: { type: 'boolean' }, email: { type: 'string' }, password: { type: 'string' } },
  required: ['email'],
  check(flags) {
    if (Boolean(flags.partner) === Boolean(flags.operator)) throw new UsageError('give either --partner <slug> or --operator');
  },
  async run(flags, io) {
    const password = flags.password ?? newTemporaryPassword();
    if (flags.operator) {
      const operator = await resetOperatorPassword(systemCtx, { email: flags.email, password }, { temporary: true });
      io.out(`Password reset for operator ${operator.email}.`);
      if (operator.disabledAt) io.out('Note: this operator is disabled and still cannot sign in.');
      if (!flags.password) io.out(`New password (shown once): ${password}`);
      io.out('Every session of theirs has ended; they choose a password of their own at their next sign-in.');
      io.out(`Sign in at ${platformUrl('/admin/login')}`);
      return;
    }
    const partner = await findPartnerBySlug(systemCtx, flags.partner!);
    const user = await setPartnerUserPassword(systemCtx, { partnerId: partner.id, email: flags.email, password }, { temporary: true });
    io.out(`Password reset for ${user.email} on ${partner.slug}.`);
    if (!flags.password) io.out(`New password (shown once): ${password}`);
    io.out('Every session of theirs has ended; they choose a password of their own at their next sign-in.');
    io.out(`Sign in at ${partnerUrl(partner.slug, '/login')}`);
  },
});
