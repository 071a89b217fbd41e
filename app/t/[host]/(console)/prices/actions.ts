'use server';

import { revalidatePath } from 'next/cache';
import { partnerAction } from '@/lib/actions/context-actions';
import { fieldsOf } from '@/lib/actions/form-action';
import { formatInr } from '@/lib/ledger/format';
import { rupeesToPaise } from '@/lib/ledger/form-input';
import { setRetailPrice } from '@/lib/prices/price-book';

// Prices belong to the live partner; its sandbox is priced the same.
export const setRetailPriceAction = partnerAction(async (ctx, formData) => {
  const fields = fieldsOf(formData);
  const price = await setRetailPrice(ctx, { product: fields.product, amount: rupeesToPaise(fields.amount, 'amount'), confirmBelowWholesale: fields.confirmBelowWholesale ?? '' });
  revalidatePath('/prices');
  return { message: `${price.name}: your clients now pay ${formatInr(price.retail)} per ${price.per}.` };
});
