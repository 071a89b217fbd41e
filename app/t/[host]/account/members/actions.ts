'use server';

import { revalidatePath } from 'next/cache';
import { formAction, fieldsOf } from '@/lib/actions/form-action';
import { requirePortalSession } from '@/lib/auth/portal-session';
import { changeClientMemberRole, inviteClientMember, removeClientMember } from '@/lib/client-members/manage-client-members';
import { portalClientId } from '@/lib/portal/portal-data';

// The portal acts on the signed-in member's own client only: a client_id in the form is ignored.
export const inviteMemberAction = formAction(async (formData) => {
  const { ctx } = await requirePortalSession();
  const { member } = await inviteClientMember(ctx, portalClientId(ctx), fieldsOf(formData));
  revalidatePath('/account/members');
  return { message: `Invitation sent to ${member.email}.` };
});

export const changeMemberRoleAction = formAction(async (formData) => {
  const { ctx } = await requirePortalSession();
  await changeClientMemberRole(ctx, portalClientId(ctx), String(formData.get('member_id') ?? ''), { role: String(formData.get('role') ?? '') });
  revalidatePath('/account/members');
  return { message: 'Role changed.' };
});

export const removeMemberAction = formAction(async (formData) => {
  const { ctx } = await requirePortalSession();
  await removeClientMember(ctx, portalClientId(ctx), String(formData.get('member_id') ?? ''));
  revalidatePath('/account/members');
  return { message: 'Member removed.' };
});
