'use server';

import { revalidatePath } from 'next/cache';
import { partnerAction } from '@/lib/actions/context-actions';
import { fieldsOf } from '@/lib/actions/form-action';
import { rupeesToPaise } from '@/lib/ledger/form-input';
import { setOffer } from '@/lib/workspaces/offers';

// Offers belong to the live partner; its sandbox offers the same.
export const setOfferAction = partnerAction(async (ctx, formData) => {
  const fields = fieldsOf(formData);
  const saved = await setOffer(ctx, {
    itemId: fields.itemId,
    offered: fields.offered ?? '',
    monthlyRetail: rupeesToPaise(fields.monthlyRetail, 'monthlyRetail') ?? null,
    yearlyRetail: rupeesToPaise(fields.yearlyRetail, 'yearlyRetail') ?? null,
    confirmBelowWholesale: fields.confirmBelowWholesale ?? '',
  });
  revalidatePath('/plans');
  return { message: `${saved.item.name}: ${saved.offered ? 'offered to your clients' : 'no longer offered'}.` };
});
