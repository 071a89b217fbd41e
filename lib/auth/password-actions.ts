import 'server-only';
import { headers } from 'next/headers';
import { fieldsOf, type ActionOutcome } from '@/lib/actions/form-action';
import { changeOwnPassword } from './account-password';
import { requestPasswordReset, resetPasswordWithToken, resetRequestedMessage } from './password-reset';
import { getSignedInAccount, requestIp, type SignedInAccount } from './session';

/** Where each audience's console starts, and where it signs in. */
export const homeOf: Record<SignedInAccount['audience'], string> = { operator: '/admin', partner: '/', client: '/account' };
export const loginOf: Record<SignedInAccount['audience'], string> = { operator: '/admin/login', partner: '/login', client: '/login' };

/** The password page's action for every audience: the signed-in account chooses its new password. */
export async function changeSignedInPassword(formData: FormData, loginPath: string): Promise<ActionOutcome<unknown>> {
  const account = await getSignedInAccount();
  if (!account) return { redirectTo: loginPath };
  await changeOwnPassword(account.ctx, account, fieldsOf(formData));
  return { redirectTo: homeOf[account.audience], message: 'Your password is changed.' };
}

/** The forgot-password form's action: the same answer whether or not the address has an account here. */
export async function askForPasswordReset(formData: FormData): Promise<ActionOutcome<unknown>> {
  await requestPasswordReset({ host: (await headers()).get('host'), ip: await requestIp(), fields: fieldsOf(formData) });
  return { message: resetRequestedMessage };
}

/** The reset page's action: the new password, then off to sign in with it. */
export async function resetPasswordFromLink(formData: FormData, loginPath: string): Promise<ActionOutcome<unknown>> {
  const fields = fieldsOf(formData);
  await resetPasswordWithToken({ host: (await headers()).get('host'), ip: await requestIp(), token: fields.token ?? '', fields });
  return { redirectTo: `${loginPath}?reset=1` };
}
