'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { operatorAction } from '@/lib/actions/context-actions';
import { fieldsOf } from '@/lib/actions/form-action';
import { createApiKey, revokeApiKey } from '@/lib/api-keys/manage-api-keys';
import { createPartner } from '@/lib/partners/create-partner';
import { getPartner } from '@/lib/partners/get-partner';
import { changePartnerTier, setPartnerStatus, setRateLimitOverride } from '@/lib/partners/update-partner';
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
    message: added.inviteToken ? `${added.user.name} is an owner; the invitation was e-mailed to ${added.user.email}.` : `${added.user.name} is an owner.`,
    data: {
      email: added.user.email,
      temporaryPassword: added.temporaryPassword,
      inviteUrl: added.inviteToken ? partnerUrl(partner.slug, `/invite/${added.inviteToken}`) : undefined,
      loginUrl: partnerUrl(partner.slug, '/login'),
    },
  };
});

export const setRateLimitAction = operatorAction(async (ctx, formData) => {
  const partner = await setRateLimitOverride(ctx, fieldsOf(formData));
  revalidatePath(`/admin/partners/${partner.id}`);
  return { message: partner.rateLimitPerHour ? `API rate limit set to ${partner.rateLimitPerHour} requests an hour.` : 'API rate limit back to the tier default.' };
});

/** `datetime-local` has no zone; the form labels it UTC, so a value without one is read as UTC. */
function utcInstant(value: string): string | undefined {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  return /(?:Z|[+-]\d\d:?\d\d)$/i.test(trimmed) ? trimmed : `${trimmed}Z`;
}

/** An operator creates an API key on a partner's behalf (support, migrations); the secret is shown once. */
export const createApiKeyAction = operatorAction(async (ctx, formData) => {
  const { partnerId, name, mode, expiresAt } = fieldsOf(formData);
  const partner = await getPartner(ctx, partnerId ?? '');
  const scopes = formData.getAll('scopes').filter((scope) => typeof scope === 'string');
  const { apiKey, secret } = await createApiKey({ ...ctx, partnerId: partner.id }, { name, mode, scopes, expiresAt: utcInstant(expiresAt ?? '') });
  revalidatePath(`/admin/partners/${partner.id}`);
  return { message: `API key “${apiKey.name}” created.`, data: { secret, label: `${apiKey.mode === 'live' ? 'Live' : 'Test'} API key` } };
});

export const revokeApiKeyAction = operatorAction(async (ctx, formData) => {
  const { partnerId, apiKeyId } = fieldsOf(formData);
  const partner = await getPartner(ctx, partnerId ?? '');
  await revokeApiKey({ ...ctx, partnerId: partner.id }, apiKeyId ?? '');
  revalidatePath(`/admin/partners/${partner.id}`);
  return { message: 'API key revoked.' };
});
