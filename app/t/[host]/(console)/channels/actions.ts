'use server';

import { revalidatePath } from 'next/cache';
import { consoleAction } from '@/lib/actions/context-actions';
import { fieldsOf } from '@/lib/actions/form-action';
import { buyDays, setDaysThreshold } from '@/lib/channels/day-balance';
import { createChannel } from '@/lib/channels/manage-channels';
import type { SecretData } from '@/components/console/secret-box';
import { formatInr } from '@/lib/ledger/format';

// Channels and days exist per environment: these act through dataCtx (test mode uses the sandbox's).
export const buyDaysAction = consoleAction(async ({ dataCtx }, formData) => {
  const bought = await buyDays(dataCtx, { quantity: fieldsOf(formData).quantity });
  revalidatePath('/channels');
  return { message: `Bought ${bought.quantity} day${bought.quantity === 1 ? '' : 's'} for ${formatInr(bought.cost)}.` };
});

export const setDaysThresholdAction = consoleAction(async ({ dataCtx }, formData) => {
  const { threshold } = await setDaysThreshold(dataCtx, { threshold: fieldsOf(formData).threshold });
  revalidatePath('/channels');
  return { message: threshold === null ? 'Low-days alert switched off.' : `You will be alerted when your day balance falls below ${threshold} days.` };
});

export const createChannelAction = consoleAction<SecretData>(async ({ dataCtx }, formData) => {
  const { channel, token } = await createChannel(dataCtx, fieldsOf(formData));
  revalidatePath('/channels');
  return { message: `Channel ${channel.name} created in trial.`, data: { secret: token, label: 'The channel’s API token', link: { href: `/channels/${channel.id}`, label: 'Open the channel to connect a phone' } } };
});
