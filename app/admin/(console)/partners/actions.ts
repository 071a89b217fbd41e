'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { operatorAction } from '@/lib/actions/context-actions';
import { fieldsOf } from '@/lib/actions/form-action';
import { createPartner } from '@/lib/partners/create-partner';
import { getPartner } from '@/lib/partners/get-partner';
import { changePartnerTier, setPartnerStatus } from '@/lib/partners/update-partner';
import { addTeamMember } from '@/lib/team/add-team-member';
import { partnerUrl } from '@/lib/tenancy/urls';

export const createPartnerAction = operatorAction(async (ctx, formData) => {
  const partner = await createPartner(ctx, fieldsOf(formData));
  redirect(`/admin/partners/${partner.id}?created=1`);
});

export const changeTierAction = operatorAction(async (ctx, formData) => {
  const partner = await changePartnerTier(ctx, fieldsOf(formData));
  revalidatePath(`/admin/partners/${partner.id}`);
  return { message: `Tier changed to ${partner.tier}.` };
});

export const setStatusAction = operatorAction(async (ctx, formData) => {
  const partner = await setPartnerStatus(ctx, fieldsOf(formData));
  revalidatePath(`/admin/partners/${partner.id}`);
  return { message: partner.status === 'suspended' ? `${partner.name} is suspended.` : `${partner.name} is active again.` };
});

/** The operator creates a partner's first owner; the password or invitation link is shown once. */
export const createOwnerAction = operatorAction(async (ctx, formData) => {
  const { partnerId, ...fields } = fieldsOf(formData);
  const partner = await getPartner(ctx, partnerId ?? '');
  const added = await addTeamMember({ ...ctx, partnerId: partner.id }, { ...fields, role: 'owner' });
  revalidatePath(`/admin/partners/${partner.id}`);
  return {
    message: `${added.user.name} is an owner.`,
    data: {
      email: added.user.email,
      temporaryPassword: added.temporaryPassword,
      inviteUrl: added.inviteToken ? partnerUrl(partner.slug, `/invite/${added.inviteToken}`) : undefined,
      loginUrl: partnerUrl(partner.slug, '/login'),
    },
  };
});
