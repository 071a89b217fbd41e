'use server';

import { revalidatePath } from 'next/cache';
import { operatorAction } from '@/lib/actions/context-actions';
import { fieldsOf } from '@/lib/actions/form-action';
import { formatInr } from '@/lib/ledger/format';
import { rupeesToPaise, signedRupeesToPaise } from '@/lib/ledger/form-input';
import { adjustPartnerBalance, creditPartner } from '@/lib/ledger/money-in';
import { runLedgerVerification } from '@/lib/ledger/verify-ledger';
import { setListPrice, setTierDiscount, setWholesaleOverride } from '@/lib/prices/price-book';

export const creditPartnerAction = operatorAction(async (ctx, formData) => {
  const fields = fieldsOf(formData);
  const result = await creditPartner(ctx, { partnerId: fields.partnerId, amount: rupeesToPaise(fields.amount, 'amount'), reference: fields.reference, memo: fields.memo });
  revalidatePath('/admin/billing');
  return { message: result.replayed ? `That payment was already credited.` : `Credited ${formatInr(result.amount)}; the balance is now ${formatInr(result.balance ?? 0n)}.` };
});

export const adjustPartnerAction = operatorAction(async (ctx, formData) => {
  const fields = fieldsOf(formData);
  const result = await adjustPartnerBalance(ctx, { partnerId: fields.partnerId, amount: signedRupeesToPaise(fields.amount, 'amount'), reason: fields.reason });
  revalidatePath('/admin/billing');
  return { message: `Adjusted by ${formatInr(result.amount < 0n ? -result.amount : result.amount)}${result.amount < 0n ? ' down' : ' up'}; the balance is now ${formatInr(result.balance)}.` };
});

export const verifyLedgerAction = operatorAction(async () => {
  const result = await runLedgerVerification();
  revalidatePath('/admin/billing');
  return { message: result.ok ? `Ledger verified: ${result.transfers} transfers, no problems.` : `${result.problems.length} problems found; see the alert.` };
});

export const setListPriceAction = operatorAction(async (ctx, formData) => {
  const fields = fieldsOf(formData);
  await setListPrice(ctx, { product: fields.product, amount: rupeesToPaise(fields.amount, 'amount') });
  revalidatePath('/admin/billing/prices');
  return { message: 'List price saved.' };
});

export const setTierDiscountAction = operatorAction(async (ctx, formData) => {
  const fields = fieldsOf(formData);
  const saved = await setTierDiscount(ctx, fields);
  revalidatePath('/admin/billing/prices');
  return { message: `${saved.tier} partners now get ${saved.discountBps / 100} % off list.` };
});

export const setOverrideAction = operatorAction(async (ctx, formData) => {
  const fields = fieldsOf(formData);
  const price = await setWholesaleOverride(ctx, { partnerId: fields.partnerId, product: fields.product, amount: fields.amount?.trim() ? rupeesToPaise(fields.amount, 'amount') : '' });
  revalidatePath('/admin/billing/prices');
  return { message: `${price.name}: wholesale is now ${formatInr(price.wholesale)}${price.override === null ? ' (list less the tier discount)' : ''}.` };
});
