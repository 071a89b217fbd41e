'use server';

import { formAction, fieldsOf } from '@/lib/actions/form-action';
import { currentTenant, requestIp } from '@/lib/auth/session';
import { notFound } from '@/lib/errors/app-error';
import { acceptInvite } from '@/lib/team/accept-invite';

export const acceptInviteAction = formAction(async (formData) => {
  const tenant = await currentTenant();
  if (!tenant) throw notFound('Invitation');
  await acceptInvite(tenant.partnerId, fieldsOf(formData), await requestIp());
  return { redirectTo: '/login?welcome=1' };
});
