'use server';

import { revalidatePath } from 'next/cache';
import { operatorAction } from '@/lib/actions/context-actions';
import { fieldsOf } from '@/lib/actions/form-action';
import { rupeesToPaise } from '@/lib/ledger/form-input';
import { saveAddon, savePlan } from '@/lib/workspaces/catalogue';

const counts = (fields: Record<string, string>) => ({ bot_users: fields['limits.bot_users'], members: fields['limits.members'], bots: fields['limits.bots'] });

export const savePlanAction = operatorAction(async (ctx, formData) => {
  const fields = fieldsOf(formData);
  const plan = await savePlan(ctx, {
    code: fields.code ?? '',
    name: fields.name ?? '',
    description: fields.description,
    rank: fields.rank,
    isFree: fields.isFree ?? '',
    active: fields.active ?? '',
    limits: counts(fields),
    monthlyList: rupeesToPaise(fields.monthlyList, 'monthlyList'),
    yearlyList: rupeesToPaise(fields.yearlyList, 'yearlyList'),
  });
  revalidatePath('/admin/plans');
  return { message: `Plan “${plan.name}” saved.` };
});

export const saveAddonAction = operatorAction(async (ctx, formData) => {
  const fields = fieldsOf(formData);
  const addon = await saveAddon(ctx, {
    code: fields.code ?? '',
    name: fields.name ?? '',
    description: fields.description,
    active: fields.active ?? '',
    adds: { bot_users: fields['limits.bot_users'], members: fields['limits.members'], bots: fields['limits.bots'] },
    monthlyList: rupeesToPaise(fields.monthlyList, 'monthlyList'),
    yearlyList: rupeesToPaise(fields.yearlyList, 'yearlyList'),
  });
  revalidatePath('/admin/plans');
  return { message: `Add-on “${addon.name}” saved.` };
});
