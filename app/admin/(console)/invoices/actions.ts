'use server';

import { revalidatePath } from 'next/cache';
import { operatorAction } from '@/lib/actions/context-actions';
import { fieldsOf } from '@/lib/actions/form-action';
import { generateInvoicesNow, resendOperatorInvoice } from '@/lib/invoices/generate-now';
import { setOperatorTaxProfile } from '@/lib/invoices/tax-profiles';

export const operatorGenerateInvoicesAction = operatorAction(async (ctx, formData) => {
  const f = fieldsOf(formData);
  const result = await generateInvoicesNow(ctx, { period: f.period, partnerId: f.partnerId || undefined });
  revalidatePath('/admin/invoices');
  return { message: result.created ? `Made ${result.created} ${result.created === 1 ? 'document' : 'documents'}${result.failed ? `; ${result.failed} failed (see the log)` : ''}.` : 'Nothing new: every invoice of that month exists already.' };
});

export const operatorResendInvoiceAction = operatorAction(async (ctx, formData) => {
  const { sent } = await resendOperatorInvoice(ctx, fieldsOf(formData).invoiceId ?? '');
  revalidatePath('/admin/invoices');
  return { message: `Invoice e-mailed again to ${sent} ${sent === 1 ? 'person' : 'people'}.` };
});

export const saveOperatorTaxProfileAction = operatorAction(async (ctx, formData) => {
  const f = fieldsOf(formData);
  await setOperatorTaxProfile(ctx, { legalName: f.legalName, address: f.address, stateCode: f.stateCode, pin: f.pin, gstin: f.gstin });
  revalidatePath('/admin/invoices');
  return { message: 'Tax details saved; the next invoices to partners carry them.' };
});
