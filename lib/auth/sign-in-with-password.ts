import 'server-only';
import { CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import type { FormState } from '@/lib/actions/form-state';
import { fieldErrorsFrom } from '@/lib/errors/zod';
import { auth, lockFromCode, signIn, signOut } from './auth';
import { endAuthSession } from './auth-sessions';
import { signOutEverywhere } from './account-password';
import { getSignedInAccount } from './session';
import { lockMessage } from './lock-message';

const signInSchema = z.object({
  email: z.string().trim().min(1, 'Enter your e-mail address.').max(320),
  password: z.string().min(1, 'Enter your password.').max(1024),
});

/**
 * The sign-in form's action for every audience. Which accounts the e-mail may sign in to is decided by the host
 * the form was posted to (see authenticate.ts); on success the form sends the person to `landing`.
 */
export async function signInWithPassword(formData: FormData, landing: string): Promise<FormState> {
  const parsed = signInSchema.safeParse({ email: formData.get('email'), password: formData.get('password') });
  const values = { email: String(formData.get('email') ?? '') };
  if (!parsed.success) return { status: 'error', fieldErrors: fieldErrorsFrom(parsed.error), values, at: Date.now() };
  try {
    await signIn('credentials', { ...parsed.data, redirect: false });
  } catch (error) {
    if (!(error instanceof CredentialsSignin)) throw error;
    const lock = lockFromCode(error.code);
    const message = lock ? lockMessage(lock) : 'The e-mail address or password is incorrect.';
    return { status: 'error', message, values, at: Date.now() };
  }
  return { status: 'success', redirectTo: landing, at: Date.now() };
}

/** Signing out ends the session itself, not only this browser's cookie: a copy of the cookie stops working too. */
export async function signOutTo(path: string): Promise<FormState> {
  const session = await auth();
  if (session?.user.sessionId) await endAuthSession(session.user.sessionId, 'signed_out');
  await signOut({ redirect: false });
  return { status: 'success', redirectTo: path, at: Date.now() };
}

/** "Sign out everywhere": every session of the signed-in account ends, on every device, this one included. */
export async function signOutEverywhereTo(path: string): Promise<FormState> {
  const account = await getSignedInAccount();
  if (account) await signOutEverywhere(account.ctx, account);
  await signOut({ redirect: false });
  return { status: 'success', redirectTo: path, at: Date.now() };
}
