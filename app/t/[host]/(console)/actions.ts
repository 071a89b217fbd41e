'use server';

import { signOutTo } from '@/lib/auth/sign-in-with-password';

export async function signOutAction() {
  return signOutTo('/login');
}
