'use server';

import { revalidatePath } from 'next/cache';
import { consoleAction } from '@/lib/actions/context-actions';
import { fieldsOf } from '@/lib/actions/form-action';
import { changeClientMemberRole, inviteClientMember, removeClientMember } from '@/lib/client-members/manage-client-members';

const clientOf = (formData: FormData) => String(formData.get('client_id') ?? '');

export const inviteClientMemberAction = consoleAction(async ({ dataCtx }, formData) => {
  const { client_id, ...fields } = fieldsOf(formData);
  const { member } = await inviteClientMember(dataCtx, client_id ?? '', fields);
  revalidatePath(`/clients/${client_id}/members`);
  return { message: `Invitation sent to ${member.email}.` };
});

export const changeClientMemberRoleAction = consoleAction(async ({ dataCtx }, formData) => {
  await changeClientMemberRole(dataCtx, clientOf(formData), String(formData.get('member_id') ?? ''), { role: String(formData.get('role') ?? '') });
  revalidatePath(`/clients/${clientOf(formData)}/members`);
  return { message: 'Role changed.' };
});

export const removeClientMemberAction = consoleAction(async ({ dataCtx }, formData) => {
  await removeClientMember(dataCtx, clientOf(formData), String(formData.get('member_id') ?? ''));
  revalidatePath(`/clients/${clientOf(formData)}/members`);
  return { message: 'Member removed.' };
});
