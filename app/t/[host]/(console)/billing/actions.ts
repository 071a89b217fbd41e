'use server';

import { revalidatePath } from 'next/cache';
import { consoleAction } from '@/lib/actions/context-actions';
import { fieldsOf } from '@/lib/actions/form-action';
import { formatAmount, formatInr } from '@/lib/ledger/format';
import { rupeesToPaise } from '@/lib/ledger/form-input';
import { setLowBalanceThreshold } from '@/lib/ledger/low-balance';
import { buyUnits } from '@/lib/ledger/units';

// Balances exist per environment: these act through dataCtx (test mode uses the sandbox's own balances).
export const buyUnitsAction = consoleAction(async ({ dataCtx }, formData) => {
  const fields = fieldsOf(formData);
  const bought = await buyUnits(dataCtx, { unit: fields.unit, quantity: fields.quantity });
  revalidatePath('/billing');
  return { message: `Bought ${formatAmount(BigInt(bought.quantity), bought.unit)} for ${formatInr(bought.cost)}.` };
});

export const setPrepaidThresholdAction = consoleAction(async ({ dataCtx }, formData) => {
  const fields = fieldsOf(formData);
  const threshold = rupeesToPaise(fields.threshold, 'threshold') ?? null;
  await setLowBalanceThreshold(dataCtx, { threshold });
  revalidatePath('/billing');
  return { message: threshold === null ? 'Low-balance alert switched off.' : `You will be alerted when your balance falls below ${formatInr(threshold)}.` };
});
