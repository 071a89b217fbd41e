'use server';

import { revalidatePath } from 'next/cache';
import { consoleAction } from '@/lib/actions/context-actions';
import { fieldsOf } from '@/lib/actions/form-action';
import { generatePartnerInvoicesNow, resendInvoice } from '@/lib/invoices/generate-now';
import { setPartnerTaxProfile } from '@/lib/invoices/tax-profiles';

// Invoices belong to the live book; a sandbox's come from its own (dataCtx), as its charges do.
export const resendInvoiceAction = consoleAction(async ({ dataCtx }, formData) => {
  const { sent } = await resendInvoice(dataCtx, fieldsOf(formData).invoiceId ?? '');
  revalidatePath('/invoices');
  return { message: sent === 1 ? 'Invoice e-mailed again.' : `Invoice e-mailed again to ${sent} people.` };
});

export const generateInvoicesNowAction = consoleAction(async ({ dataCtx }, formData) => {
  const result = await generatePartnerInvoicesNow(dataCtx, { period: fieldsOf(formData).period });
  revalidatePath('/invoices');
  return { message: result.created ? `Made ${result.created} ${result.created === 1 ? 'document' : 'documents'}.` : 'Nothing new: every invoice of that month exists already.' };
});

export const saveTaxProfileAction = consoleAction(async ({ dataCtx }, formData) => {
  const f = fieldsOf(formData);
  await setPartnerTaxProfile(dataCtx, { legalName: f.legalName, address: f.address, stateCode: f.stateCode, pin: f.pin, gstin: f.gstin });
  revalidatePath('/invoices');
  return { message: 'Tax details saved; the next invoices carry them.' };
});
