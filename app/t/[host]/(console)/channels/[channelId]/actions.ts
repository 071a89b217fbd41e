'use server';

import { revalidatePath } from 'next/cache';
import type { SecretData } from '@/components/console/secret-box';
import { consoleAction } from '@/lib/actions/context-actions';
import { fieldsOf } from '@/lib/actions/form-action';
import { deleteChannel, extendChannel, reclaimChannelDays } from '@/lib/channels/channel-days';
import { addChannelWebhook, removeChannelWebhook } from '@/lib/channels/channel-webhooks';
import { channelPairingCode, simulateChannelScan } from '@/lib/channels/connect';
import { createConnectLink } from '@/lib/channels/connect-links';
import { rotateChannelToken } from '@/lib/channels/manage-channels';

const refresh = (channelId: string) => revalidatePath(`/channels/${channelId}`);

export const extendAction = consoleAction(async ({ dataCtx }, formData) => {
  const { channelId, ...fields } = fieldsOf(formData);
  const channel = await extendChannel(dataCtx, channelId ?? '', fields);
  refresh(channel.id);
  return { message: `Allocated ${fields.days} days: active till ${channel.active_till.toISOString().slice(0, 16).replace('T', ' ')} UTC.` };
});

export const reclaimAction = consoleAction(async ({ dataCtx }, formData) => {
  const { channelId, ...fields } = fieldsOf(formData);
  const channel = await reclaimChannelDays(dataCtx, channelId ?? '', fields);
  refresh(channel.id);
  return { message: `Unused days reclaimed; ${channel.unused_days} kept on the channel.` };
});

export const deleteAction = consoleAction(async ({ dataCtx }, formData) => {
  const { channelId, ...fields } = fieldsOf(formData);
  const deleted = await deleteChannel(dataCtx, channelId ?? '', fields);
  revalidatePath('/channels');
  return { message: `Channel deleted; ${deleted.days_returned} unused days returned to your balance.`, redirectTo: '/channels' };
});

export const rotateTokenAction = consoleAction<SecretData>(async ({ dataCtx }, formData) => {
  const { token } = await rotateChannelToken(dataCtx, fieldsOf(formData).channelId ?? '');
  return { message: 'New token made; the old one no longer works.', data: { secret: token, label: 'The channel’s new API token' } };
});

export const connectLinkAction = consoleAction<SecretData>(async ({ dataCtx }, formData) => {
  const { channelId, ...fields } = fieldsOf(formData);
  const link = await createConnectLink(dataCtx, channelId ?? '', fields);
  const until = `It works until ${link.expires_at.toISOString().slice(0, 16).replace('T', ' ')} UTC.`;
  return { message: link.sent_to ? `Connect link e-mailed to ${link.sent_to}.` : 'Connect link made.', data: { secret: link.url, label: link.sent_to ? `The link e-mailed to ${link.sent_to}` : 'Send this link to your client', note: until, once: false } };
});

export const pairingCodeAction = consoleAction<{ code: string }>(async ({ dataCtx }, formData) => {
  const { channelId, ...fields } = fieldsOf(formData);
  const { code } = await channelPairingCode(dataCtx.partnerId, channelId ?? '', fields, new Date(), dataCtx);
  return { data: { code } };
});

export const simulateScanAction = consoleAction(async ({ dataCtx }, formData) => {
  const { channelId, ...fields } = fieldsOf(formData);
  await simulateChannelScan(dataCtx.partnerId, channelId ?? '', fields, new Date(), dataCtx);
  return { message: 'Scan simulated.' };
});

export const addWebhookAction = consoleAction<SecretData>(async ({ dataCtx }, formData) => {
  const { channelId, ...fields } = fieldsOf(formData);
  const { secret } = await addChannelWebhook(dataCtx, channelId ?? '', fields);
  refresh(channelId ?? '');
  return { message: 'Webhook URL added.', data: { secret, label: 'Its signing secret (Standard Webhooks)', note: 'Deliveries and retries are listed with your other endpoints under Developers.' } };
});

export const removeWebhookAction = consoleAction(async ({ dataCtx }, formData) => {
  const { channelId, endpointId } = fieldsOf(formData);
  await removeChannelWebhook(dataCtx, channelId ?? '', endpointId ?? '');
  refresh(channelId ?? '');
  return { message: 'Webhook URL removed.' };
});
