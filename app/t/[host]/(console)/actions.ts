'use server';

import { partnerAction } from '@/lib/actions/context-actions';
import { fieldsOf } from '@/lib/actions/form-action';
import { parseEnvironment, writeConsoleEnvironment } from '@/lib/auth/console-environment';
import { signOutEverywhereTo, signOutTo } from '@/lib/auth/sign-in-with-password';
import { partnerForEnvironment } from '@/lib/partners/sandbox';

export async function signOutAction() {
  return signOutTo('/login');
}

export async function signOutEverywhereAction() {
  return signOutEverywhereTo('/login');
}

/**
 * Where to land after the switch: the same page, except one showing a single record (a webhook endpoint, a
 * client), which belongs to one environment only, so its list instead. Only plain console paths are accepted.
 */
function landingPath(path: string | undefined): string {
  if (!path || !/^\/[A-Za-z0-9/_-]*$/.test(path) || path.startsWith('//')) return '/';
  const detail = /^(\/developers\/webhooks|\/clients)\/(?!(?:pending|links|new)(?:\/|$))[^/]+/.exec(path);
  if (detail) return detail[1]!;
  // A registration being resumed belongs to one environment too.
  return /^\/clients\/new\/[^/]+/.test(path) ? '/clients/pending' : path;
}

export const switchEnvironmentAction = partnerAction(async (ctx, formData) => {
  const fields = fieldsOf(formData);
  const environment = parseEnvironment(fields.environment);
  // Creates the sandbox on first use, so the pages rendered next find it.
  await partnerForEnvironment(ctx.partnerId, environment);
  await writeConsoleEnvironment(environment);
  // A full navigation (not a server-side redirect, which would skip the host rewrite) re-renders every part of the page in the new environment.
  return { redirectTo: landingPath(fields.path), message: environment === 'test' ? 'Test mode' : 'Live mode' };
});
