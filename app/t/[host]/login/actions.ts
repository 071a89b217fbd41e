'use server';

import type { FormState } from '@/lib/actions/form-state';
import { signInWithPassword } from '@/lib/auth/sign-in-with-password';

export async function signInAction(_state: FormState, formData: FormData) {
  return signInWithPassword(formData, '/');
}
