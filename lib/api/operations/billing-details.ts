import { z } from 'zod';
import type { TaxProfile } from '@/db/schema';
import { stateName } from '@/lib/invoices/gst';
import { gstinStateProblem, taxProfileFields } from '@/lib/invoices/tax-profiles';
import { defineOperation } from '../operation';
import { clientIdParams } from './clients';

export const billingDetailsResource = z
  .object({
    object: z.literal('billing_details'),
    client_id: z.string(),
    recorded: z.boolean().meta({ description: 'False until billing details are saved: invoices then carry the client’s name and the GSTIN its KYC verified, and go to its account e-mail.' }),
    legal_name: z.string().nullable(),
    gstin: z.string().nullable(),
    address: z.string().nullable(),
    state_code: z.string().nullable().meta({ description: 'GST state code (two digits); the place of supply for a client without a GSTIN.' }),
    state_name: z.string().nullable(),
    pin: z.string().nullable(),
    billing_email: z.string().nullable().meta({ description: 'Where its invoices are e-mailed; null: its account e-mail.' }),
    updated_at: z.string().nullable().meta({ format: 'date-time' }),
  })
  .meta({ id: 'BillingDetails' });

const example = { object: 'billing_details', client_id: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t', recorded: true, legal_name: 'Sharma Traders LLP', gstin: '29AABCK5678L1ZU', address: '7 MG Road, Bengaluru', state_code: '29', state_name: 'Karnataka', pin: '560001', billing_email: 'accounts@sharmatraders.in', updated_at: '2026-12-01T09:00:00.000Z' };

const tag = 'Clients';

export const getBillingDetailsOperation = defineOperation({
  method: 'GET',
  path: '/clients/{client_id}/billing_details',
  operationId: 'getClientBillingDetails',
  summary: 'Get a client’s billing details',
  description: 'The legal name, GSTIN, address and billing e-mail printed as the recipient on the client’s GST invoices (`recorded` false, and the fields null, until saved).',
  tag,
  scope: 'clients:read',
  params: clientIdParams,
  response: { status: 200, description: 'The billing details.', schema: billingDetailsResource, example },
  errors: ['not_found'],
});

const billingBody = z
  .strictObject({
    legal_name: taxProfileFields.legalName.meta({ example: 'Sharma Traders LLP' }),
    gstin: taxProfileFields.gstin.meta({ description: 'Optional; its first two digits must be `state_code`. Without one, the client is unregistered and its state decides the place of supply.', example: '29AABCK5678L1ZU' }),
    address: taxProfileFields.address.meta({ example: '7 MG Road, Bengaluru' }),
    state_code: taxProfileFields.stateCode.meta({ description: 'GST state code, two digits (e.g. 27 Maharashtra, 29 Karnataka).', example: '29' }),
    pin: taxProfileFields.pin.meta({ example: '560001' }),
    billing_email: z.email('Give a valid e-mail address.').max(254).optional().meta({ description: 'Where invoices go; omit for the account e-mail.', example: 'accounts@sharmatraders.in' }),
  })
  .superRefine((data, issue) => {
    const problem = gstinStateProblem(data.gstin, data.state_code);
    if (problem) issue.addIssue({ code: 'custom', path: ['state_code'], message: problem });
  });

export const setBillingDetailsOperation = defineOperation({
  method: 'PUT',
  path: '/clients/{client_id}/billing_details',
  operationId: 'setClientBillingDetails',
  summary: 'Set a client’s billing details',
  description: 'Replaces them whole. Invoices made from now on carry them (those already made keep what they were made with); its invoice e-mails go to `billing_email` when given.',
  tag,
  scope: 'clients:write',
  params: clientIdParams,
  body: billingBody,
  bodyExample: { legal_name: 'Sharma Traders LLP', gstin: '29AABCK5678L1ZU', address: '7 MG Road, Bengaluru', state_code: '29', pin: '560001', billing_email: 'accounts@sharmatraders.in' },
  response: { status: 200, description: 'The billing details now.', schema: billingDetailsResource, example },
  errors: ['not_found', 'validation_failed'],
});

/** REST body (snake_case) → the domain's input. */
export const billingDetailsInputOf = (body: z.output<typeof billingBody>) => ({ legalName: body.legal_name, gstin: body.gstin, address: body.address, stateCode: body.state_code, pin: body.pin, billingEmail: body.billing_email });

export function toBillingDetailsResource(clientId: string, row: TaxProfile | null) {
  return {
    object: 'billing_details' as const,
    client_id: clientId,
    recorded: Boolean(row),
    legal_name: row?.legalName ?? null,
    gstin: row?.gstin ?? null,
    address: row?.address ?? null,
    state_code: row?.stateCode ?? null,
    state_name: row ? stateName(row.stateCode) || null : null,
    pin: row?.pin ?? null,
    billing_email: row?.email ?? null,
    updated_at: row?.updatedAt.toISOString() ?? null,
  };
}
