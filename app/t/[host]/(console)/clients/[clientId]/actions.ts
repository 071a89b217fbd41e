'use server';

import { revalidatePath } from 'next/cache';
import { consoleAction } from '@/lib/actions/context-actions';
import { fieldsOf } from '@/lib/actions/form-action';
import { setClientStatus } from '@/lib/clients/manage-clients';
import { setClientBillingDetails } from '@/lib/invoices/tax-profiles';

// Clients exist per environment: this acts through dataCtx, so test mode changes sandbox clients only.
export const setClientStatusAction = consoleAction(async ({ dataCtx }, formData) => {
  const fields = fieldsOf(formData);
  const client = await setClientStatus(dataCtx, { clientId: fields.clientId, status: fields.status, reason: fields.reason });
  revalidatePath(`/clients/${encodeURIComponent(client.id)}`);
  return { message: client.status === 'active' ? `${client.name} is active again.` : `${client.name} is deactivated.` };
});

// Billing details are per client of the environment shown (dataCtx), like the client itself.
export const saveBillingDetailsAction = consoleAction(async ({ dataCtx }, formData) => {
  const f = fieldsOf(formData);
  await setClientBillingDetails(dataCtx, f.clientId ?? '', { legalName: f.legalName, gstin: f.gstin, address: f.address, stateCode: f.stateCode, pin: f.pin, billingEmail: f.billingEmail });
  revalidatePath(`/clients/${encodeURIComponent(f.clientId ?? '')}`);
  return { message: 'Billing details saved; the next invoices carry them.' };
});
