import { z } from 'zod';
import { getClientUsageOperation, getMetricsOperation, toClientUsageResource, toMetricsResource } from '@/lib/api/operations/usage';
import { getSupportStatisticsOperation, toStatisticsResource } from '@/lib/api/operations/support';
import { hasScope } from '@/lib/api-keys/scopes';
import { ticketStatistics } from '@/lib/support/statistics';
import { clientUsage } from '@/lib/usage/client-usage';
import { partnerMetrics } from '@/lib/usage/partner-metrics';
import { available, optionalDate, optionalText, requiredText } from '../endpoint';

/** Flowmatix's "Usage Analytics": a client's metered usage, and the partner's business metrics. */

const group = 'Usage Analytics' as const;

const period = {
  month: { in: 'query', type: 'string', required: false, to: 'month', difference: 'Not a Flowmatix field: an IST month, YYYY-MM (this month when nothing is sent).' },
  start_date: { in: 'query', type: 'date', required: false, to: 'from', difference: 'Not in Flowmatix’s reference: the first Indian day, with end_date.' },
  end_date: { in: 'query', type: 'date', required: false, to: 'to', difference: 'The last Indian day, included.' },
} as const;

const periodSchema = { month: optionalText('month', 7), start_date: optionalDate('start_date'), end_date: optionalDate('end_date') };

export const customerUsage = available({
  group,
  method: 'GET',
  path: 'customers/{customer_id}/usage',
  summary: 'Customer Usage Statistics',
  rest: [getClientUsageOperation],
  scope: 'metrics:read',
  fields: { customer_id: { in: 'path', type: 'string', required: true, to: 'client_id', difference: 'A client id; another partner’s answers 404.' }, ...period },
  answer: [
    { name: 'messages_by_channel', from: 'messages_by_channel', note: 'Messages sent to the client or its members, by channel (`email`, `sms`); WhatsApp conversations are not counted here.' },
    { name: 'totals.flow_executions', from: 'totals.flow_executions', note: 'Where Flowmatix counts workflow executions: the inbound calls a call flow ran.' },
    { name: 'totals.call_minutes / masking_minutes', from: 'totals', note: 'Call and masking minutes, which Flowmatix does not meter.' },
    { name: 'totals.api_requests', from: 'totals.api_requests', note: 'API requests that named the client.' },
    { name: 'totals.storage_bytes', from: 'totals.storage_bytes', note: 'Storage of its call recordings.' },
    { name: 'by_day, charged', from: 'by_day, charged' },
  ],
  differences: ['A workflow execution is a call flow run for an inbound call; other workflows do not exist here.'],
  schema: z.object({ customer_id: requiredText('customer_id', 64), ...periodSchema }),
  call: (ctx, input) => clientUsage(ctx, input.customer_id, { month: input.month, from: input.start_date, to: input.end_date }),
  data: (usage) => toClientUsageResource(usage),
});

export const metrics = available({
  group,
  method: 'GET',
  path: 'metrics',
  summary: 'Partner Performance Metrics',
  rest: [getMetricsOperation, getSupportStatisticsOperation],
  scope: 'metrics:read',
  fields: period,
  answer: [
    { name: 'clients', from: 'clients', note: 'Total, active, new and churned customers.' },
    { name: 'revenue / commission', from: 'money', note: 'Retail charged and commission earned, paise.' },
    { name: 'growth, months', from: 'growth, months', note: 'Against the previous period, and month by month.' },
    { name: 'support', from: 'GET /support/statistics', note: 'Ticket statistics; null when the key lacks support:read.' },
  ],
  differences: ['No customer satisfaction scores: clients are not surveyed. Support ticket statistics are included.'],
  schema: z.object(periodSchema),
  call: async (ctx, input) => {
    const [figures, support] = await Promise.all([
      partnerMetrics(ctx, { month: input.month, from: input.start_date, to: input.end_date }),
      hasScope(ctx.scopes, 'support:read') ? ticketStatistics(ctx, {}) : null,
    ]);
    return { figures, support };
  },
  data: ({ figures, support }) => ({ ...toMetricsResource(figures), support: support ? toStatisticsResource(support) : null }),
});

export const usageGroup = [customerUsage, metrics];
