'use server';

import { signOutEverywhereTo, signOutTo } from '@/lib/auth/sign-in-with-password';

export async function operatorSignOutAction() {
  return signOutTo('/admin/login');
}

export async function operatorSignOutEverywhereAction() {
  return signOutEverywhereTo('/admin/login');
}
