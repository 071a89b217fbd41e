'use server';

import { revalidatePath } from 'next/cache';
import { partnerAction } from '@/lib/actions/context-actions';
import { fieldsOf } from '@/lib/actions/form-action';
import { addTeamMember } from '@/lib/team/add-team-member';
import { changeTeamRole, removeTeamMember } from '@/lib/team/change-team-member';
import { resendInvite } from '@/lib/team/resend-invite';
import { resetTeamMemberPassword } from '@/lib/team/reset-password';

export const addTeamMemberAction = partnerAction(async (ctx, formData) => {
  const added = await addTeamMember(ctx, fieldsOf(formData));
  revalidatePath('/team');
  return {
    message: added.inviteToken ? `${added.user.name} was added, and the invitation was e-mailed to ${added.user.email}.` : `${added.user.name} was added.`,
    data: { email: added.user.email, temporaryPassword: added.temporaryPassword, invitePath: added.inviteToken ? `/invite/${added.inviteToken}` : undefined },
  };
});

export const changeRoleAction = partnerAction(async (ctx, formData) => {
  await changeTeamRole(ctx, fieldsOf(formData));
  revalidatePath('/team');
  return { message: 'Role changed.' };
});

export const removeTeamMemberAction = partnerAction(async (ctx, formData) => {
  await removeTeamMember(ctx, fieldsOf(formData).userId ?? '');
  revalidatePath('/team');
  return { message: 'Removed from the team.' };
});

export const resendInviteAction = partnerAction(async (ctx, formData) => {
  const resent = await resendInvite(ctx, fieldsOf(formData).userId ?? '');
  revalidatePath('/team');
  return { message: `A new invitation was e-mailed to ${resent.user.email}; the old link no longer works.`, data: { email: resent.user.email, invitePath: `/invite/${resent.inviteToken}` } };
});

export const resetPasswordAction = partnerAction(async (ctx, formData) => {
  const reset = await resetTeamMemberPassword(ctx, fieldsOf(formData).userId ?? '');
  revalidatePath('/team');
  return { message: `${reset.user.name} is signed out everywhere.`, data: { email: reset.user.email, temporaryPassword: reset.temporaryPassword } };
});
