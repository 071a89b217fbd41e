'use server';

import { revalidatePath } from 'next/cache';
import { partnerAction } from '@/lib/actions/context-actions';
import { fieldsOf } from '@/lib/actions/form-action';
import { addDomain, removeDomain } from '@/lib/domains/manage-domains';
import { verifyDomain } from '@/lib/domains/verify-domain';
import { createPromoCode, deletePromoCode } from '@/lib/onboarding/promo-codes';

export const addDomainAction = partnerAction(async (ctx, formData) => {
  const domain = await addDomain(ctx, fieldsOf(formData));
  revalidatePath('/settings');
  return { message: `${domain.hostname} added. Create the TXT record below, then verify.` };
});

export const verifyDomainAction = partnerAction(async (ctx, formData) => {
  const domain = await verifyDomain(ctx, fieldsOf(formData).hostnameId ?? '');
  revalidatePath('/settings');
  // A failed check is an outcome, not an error: the page shows the reason beside the domain.
  return { message: domain.status === 'verified' ? `${domain.hostname} is verified.` : `${domain.hostname} is not verified yet.` };
});

export const removeDomainAction = partnerAction(async (ctx, formData) => {
  await removeDomain(ctx, fieldsOf(formData).hostnameId ?? '');
  revalidatePath('/settings');
  return { message: 'Domain removed.' };
});

export const createPromoCodeAction = partnerAction(async (ctx, formData) => {
  const promo = await createPromoCode(ctx, fieldsOf(formData));
  revalidatePath('/settings');
  return { message: `Promo code ${promo.code} created.` };
});

export const deletePromoCodeAction = partnerAction(async (ctx, formData) => {
  await deletePromoCode(ctx, fieldsOf(formData).promoCodeId ?? '');
  revalidatePath('/settings');
  return { message: 'Promo code deleted.' };
});
