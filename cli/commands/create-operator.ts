import { systemCtx } from '@/lib/audit/context';
import { newTemporaryPassword } from '@/lib/crypto/tokens';
import { createOperator } from '@/lib/operators/manage-operators';
import { platformUrl } from '@/lib/tenancy/urls';
import { defineCommand } from '../command';

export const createOperatorCommand = defineCommand({
  name: 'create-operator',
  summary: 'Create an operator account for the platform console.',
  usage: '--email <email> --name <name> [--password <password>]',
  options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
  required: ['email', 'name'],
  async run(flags, io) {
    const password = flags.password ?? newTemporaryPassword();
    const operator = await createOperator(systemCtx, { email: flags.email, name: flags.name, password }, { temporary: true });
    io.out(`Created operator ${operator.email} (${operator.id}).`);
    if (!flags.password) io.out(`Temporary password (shown once): ${password}`);
    io.out('They choose a password of their own at their first sign-in.');
    io.out(`Sign in at ${platformUrl('/admin/login')}`);
  },
});
