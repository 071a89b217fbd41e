'use server';

import { formAction, fieldsOf } from '@/lib/actions/form-action';
import { currentTenant, requestIp } from '@/lib/auth/session';
import { acceptMemberInvite } from '@/lib/client-members/accept-member-invite';
import { notFound } from '@/lib/errors/app-error';

export const acceptMemberInviteAction = formAction(async (formData) => {
  const tenant = await currentTenant();
  if (!tenant) throw notFound('Invitation');
  await acceptMemberInvite(tenant.partnerId, fieldsOf(formData), await requestIp());
  return { redirectTo: '/login?welcome=1' };
});
