import { z } from 'zod';
import { getCommissionReportOperation } from '@/lib/api/operations/billing';
import { toCommissionReportResource } from '@/lib/api/operations/billing-resources';
import { getInvoiceOperation, toInvoiceResource } from '@/lib/api/operations/invoices';
import { getClient } from '@/lib/clients/manage-clients';
import { getInvoice } from '@/lib/invoices/read-invoices';
import { commissionReport, defaultReportRange } from '@/lib/ledger/commission-report';
import { available, optionalDate, optionalText, requiredText } from '../endpoint';

/** Flowmatix's "Billing and Commission": the ledger's commission report, and GST invoices. */

const group = 'Billing and Commissions' as const;

export const commissions = available({
  group,
  method: 'GET',
  path: 'commissions',
  summary: 'Get Commission Report',
  rest: [getCommissionReportOperation],
  scope: 'billing:read',
  fields: {
    start_date: { in: 'query', type: 'date', required: false, to: 'start_date', difference: 'An Indian day (IST), included; the first of this month when left out.' },
    end_date: { in: 'query', type: 'date', required: false, to: 'end_date', difference: 'An Indian day, included; today when left out. At most a year after start_date.' },
    customer_id: { in: 'query', type: 'string', required: false, to: 'client_id', difference: 'A client id (cli_…); another partner’s answers 404.' },
  },
  answer: [
    { name: 'total_commission', from: 'total_commission', note: 'Paise: retail − wholesale of every charge in the range, refunds counted negatively.' },
    { name: 'total_retail / total_wholesale / total_charges', from: 'the same fields' },
    { name: 'by_period', from: 'by_period', note: 'Per Indian day.' },
    { name: 'by_customer', from: 'by_customer', note: 'Per client, with its customer_id.' },
  ],
  differences: ['Money is in paise (integers), in INR; commission is earned as each charge is made, not at the month’s end.'],
  schema: z.object({ start_date: optionalDate('start_date'), end_date: optionalDate('end_date'), customer_id: optionalText('customer_id', 64) }),
  call: async (ctx, input) => {
    const range = defaultReportRange();
    // A foreign or unknown customer is a 404, as everywhere, not an empty report.
    if (input.customer_id) await getClient(ctx, input.customer_id);
    return commissionReport(ctx, { startDate: input.start_date ?? range.startDate, endDate: input.end_date ?? range.endDate, clientId: input.customer_id });
  },
  data: (report) => toCommissionReportResource(report),
});

export const invoice = available({
  group,
  method: 'GET',
  path: 'invoices/{invoice_id}',
  summary: 'Get Invoice Details',
  rest: [getInvoiceOperation],
  scope: 'invoices:read',
  fields: { invoice_id: { in: 'path', type: 'string', required: true, to: 'invoice_id', difference: 'An invoice or credit note id (inv_…).' } },
  answer: [
    { name: '(the invoice)', from: 'GET /invoices/{invoice_id}', note: 'Number, period, seller and buyer with GSTINs, lines with HSN/SAC, CGST/SGST or IGST, totals in paise.' },
    { name: 'commission', from: 'lines', note: 'A tax invoice to a client carries no commission line: ask commissions with the invoice’s period and customer_id for it.' },
  ],
  differences: ['GST invoices as Indian rules require them; the PDF is at /api/v1/invoices/{invoice_id}/pdf.'],
  schema: z.object({ invoice_id: requiredText('invoice_id', 64) }),
  call: (ctx, { invoice_id }) => getInvoice(ctx, invoice_id),
  data: (result) => toInvoiceResource(result),
});

export const billingGroup = [commissions, invoice];
