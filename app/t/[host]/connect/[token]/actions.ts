'use server';

import { fieldsOf, formAction } from '@/lib/actions/form-action';
import { currentTenant, requestIp } from '@/lib/auth/session';
import { channelPairingCode, simulateChannelScan } from '@/lib/channels/connect';
import { openConnectLink } from '@/lib/channels/connect-links';
import { notFound } from '@/lib/errors/app-error';

/** The link the form was posted with: its token is the client's only credential, checked again on every post. */
async function openLink(formData: FormData) {
  const { token, ...fields } = fieldsOf(formData);
  const tenant = await currentTenant();
  const opened = tenant && token ? await openConnectLink(tenant.partnerId, token) : null;
  if (!opened) throw notFound('Connect link');
  const ctx = { actor: { type: 'system' as const }, ip: await requestIp() };
  return { opened, fields, ctx };
}

export const hostedPairingCodeAction = formAction<{ code: string }>(async (formData) => {
  const { opened, fields, ctx } = await openLink(formData);
  const { code } = await channelPairingCode(opened.partnerId, opened.channel.id, fields, new Date(), ctx);
  return { data: { code } };
});

export const hostedSimulateScanAction = formAction(async (formData) => {
  const { opened, fields, ctx } = await openLink(formData);
  await simulateChannelScan(opened.partnerId, opened.channel.id, fields, new Date(), ctx);
  return { message: 'Scan simulated.' };
});
