import { systemCtx } from '@/lib/audit/context';
import { getConfig } from '@/lib/config';
import { createOperator, findOperatorByEmail } from './manage-operators';

/**
 * With BOOTSTRAP_OPERATOR_EMAIL/PASSWORD set, makes sure that operator exists at start, so a fresh deployment
 * (or a test server) can be signed into without a shell. An existing account is left as it is.
 */
export async function ensureBootstrapOperator(): Promise<boolean> {
  const { BOOTSTRAP_OPERATOR_EMAIL: email, BOOTSTRAP_OPERATOR_PASSWORD: password } = getConfig();
  if (!email || !password || (await findOperatorByEmail(email))) return false;
  await createOperator(systemCtx, { email, name: 'Operator', password });
  return true;
}
