'use server';

import { revalidatePath } from 'next/cache';
import type { SecretData } from '@/components/console/secret-box';
import { consoleAction } from '@/lib/actions/context-actions';
import { fieldsOf, listOf } from '@/lib/actions/form-action';
import { resendDelivery } from '@/lib/webhooks/deliveries';
import { revealWebhookSecret, rotateWebhookSecret } from '@/lib/webhooks/endpoint-secrets';
import { createWebhookEndpoint, deleteWebhookEndpoint, updateWebhookEndpoint } from '@/lib/webhooks/manage-endpoints';
import { sendTestEvent } from '@/lib/webhooks/send-test-event';

// Endpoints, deliveries and their secrets exist per environment: every action here acts through dataCtx.

const listPath = '/developers/webhooks';
const endpointPath = (id: string) => `${listPath}/${encodeURIComponent(id)}`;

export const createEndpointAction = consoleAction<SecretData>(async ({ dataCtx, environment }, formData) => {
  const fields = fieldsOf(formData);
  const { endpoint, secret } = await createWebhookEndpoint(dataCtx, { url: fields.url, description: fields.description, eventTypes: listOf(formData, 'eventTypes') });
  revalidatePath(listPath);
  return {
    message: `Endpoint added${environment === 'test' ? ' in test mode' : ''}.`,
    data: {
      secret,
      label: 'Its signing secret',
      note: 'Verify each delivery’s webhook-signature header with it. It is kept encrypted: you can reveal it again on the endpoint’s page.',
      once: false,
      link: { href: endpointPath(endpoint.id), label: 'Open the endpoint' },
    },
  };
});

export const updateEndpointAction = consoleAction(async ({ dataCtx }, formData) => {
  const fields = fieldsOf(formData);
  const id = fields.endpointId ?? '';
  await updateWebhookEndpoint(dataCtx, id, { url: fields.url, description: fields.description, eventTypes: listOf(formData, 'eventTypes') });
  revalidatePath(endpointPath(id));
  return { message: 'Endpoint saved.' };
});

export const setEndpointStatusAction = consoleAction(async ({ dataCtx }, formData) => {
  const fields = fieldsOf(formData);
  const id = fields.endpointId ?? '';
  const endpoint = await updateWebhookEndpoint(dataCtx, id, { status: fields.status });
  revalidatePath(endpointPath(id));
  return { message: endpoint.status === 'enabled' ? 'Endpoint enabled.' : 'Endpoint disabled. Nothing is sent to it until you enable it again.' };
});

export const deleteEndpointAction = consoleAction(async ({ dataCtx }, formData) => {
  await deleteWebhookEndpoint(dataCtx, fieldsOf(formData).endpointId ?? '');
  revalidatePath(listPath);
  return { message: 'Endpoint deleted.', redirectTo: listPath };
});

export const revealSecretAction = consoleAction<SecretData>(async ({ dataCtx }, formData) => {
  const secret = await revealWebhookSecret(dataCtx, fieldsOf(formData).endpointId ?? '');
  return { data: { secret, label: 'Signing secret' } };
});

export const rotateSecretAction = consoleAction<SecretData>(async ({ dataCtx }, formData) => {
  const id = fieldsOf(formData).endpointId ?? '';
  const { endpoint, secret } = await rotateWebhookSecret(dataCtx, id);
  revalidatePath(endpointPath(id));
  const until = endpoint.previousSecretExpiresAt ? ` until ${endpoint.previousSecretExpiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC` : ' for 24 hours';
  return {
    message: 'Secret rotated.',
    data: { secret, label: 'The new signing secret', note: `Deliveries are signed with the old secret too${until}, so switch your receiver over before then. You can reveal the new one again here.`, once: false },
  };
});

export const sendTestEventAction = consoleAction(async ({ dataCtx }, formData) => {
  const id = fieldsOf(formData).endpointId ?? '';
  await sendTestEvent(dataCtx, id);
  revalidatePath(endpointPath(id));
  return { message: 'Test event queued. It appears under Deliveries; reload to follow its progress.' };
});

export const resendDeliveryAction = consoleAction(async ({ dataCtx }, formData) => {
  const fields = fieldsOf(formData);
  const delivery = await resendDelivery(dataCtx, fields.deliveryId ?? '');
  revalidatePath(endpointPath(delivery.endpointId));
  return { message: 'Queued again as a new delivery.' };
});
