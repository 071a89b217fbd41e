import { z } from 'zod';
import { storableIsoDate } from '@/lib/dates/storable-date';
import type { ClientUsage } from '@/lib/usage/client-usage';
import type { Metrics } from '@/lib/usage/partner-metrics';
import { defineOperation } from '../operation';
import { clientIdParams } from './clients';

const isoDate = storableIsoDate('Use a date as YYYY-MM-DD.');
const usageKinds = ['call_minutes', 'masking_minutes', 'messages', 'api_requests', 'storage_bytes', 'flow_executions'] as const;

const periodQuery = z.strictObject({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Give the month as YYYY-MM, e.g. 2026-12.')
    .optional()
    .meta({ description: 'An IST calendar month. Without `month`, `from` or `to`: this month so far.', example: '2026-11' }),
  from: isoDate.optional().meta({ description: 'First Indian day of a range (instead of `month`).', example: '2026-11-01' }),
  to: isoDate.optional().meta({ description: 'Last Indian day of a range, included.', example: '2026-11-30' }),
});

const periodResource = z.object({ from: z.string().meta({ description: 'First Indian day, YYYY-MM-DD.' }), to: z.string().meta({ description: 'Last Indian day, included.' }), start: z.string().meta({ format: 'date-time' }), end: z.string().meta({ format: 'date-time', description: 'The instant after the period.' }) });
const totalsResource = z.object({
  call_minutes: z.number().int(),
  masking_minutes: z.number().int(),
  messages: z.number().int().meta({ description: 'E-mails and SMS sent, counted as they leave the outbox.' }),
  api_requests: z.number().int(),
  storage_bytes: z.number().int().meta({ description: 'Stored at the end of the period (recordings; for a partner, also its logo).' }),
  flow_executions: z.number().int().meta({ description: 'Inbound calls a call flow ran.' }),
});

export const clientUsageResource = z
  .object({
    object: z.literal('client_usage'),
    client_id: z.string(),
    period: periodResource,
    totals: totalsResource,
    messages_by_channel: z.array(z.object({ channel: z.string().meta({ description: '`email` or `sms`.' }), quantity: z.number().int() })).meta({ description: 'The messages sent to the client or its members (its invoices, balance, validity and fee alerts, invitations, password resets, replies to its tickets), by channel.' }),
    by_day: z.array(z.object({ day: z.string(), kind: z.enum(usageKinds), channel: z.string().nullable(), quantity: z.number().int().meta({ description: 'For storage, that day’s change in bytes.' }) })),
    charged: z.object({ events: z.number().int().meta({ description: 'Usage events a ledger charge paid for.' }), charges: z.number().int() }),
  })
  .meta({ id: 'ClientUsage' });

const periodExample = { from: '2026-11-01', to: '2026-11-30', start: '2026-10-31T18:30:00.000Z', end: '2026-11-30T18:30:00.000Z' };
const totalsExample = { call_minutes: 1240, masking_minutes: 310, messages: 9, api_requests: 5820, storage_bytes: 482_000, flow_executions: 860 };

export const getClientUsageOperation = defineOperation({
  method: 'GET',
  path: '/clients/{client_id}/usage',
  operationId: 'getClientUsage',
  summary: 'A client’s usage',
  description:
    'What a client used over a month or a range of Indian days, metered as it happened: call and masking minutes (billed minutes of each ended leg), messages by channel where known, API requests that named the client, storage of its recordings, and the inbound calls its call flows ran. Per day and kind, with how much of it was charged. Flowmatix’s customer usage statistics (`GET /partners/customers/{customer_id}/usage`).',
  tag: 'Usage and metrics',
  scope: 'metrics:read',
  params: clientIdParams,
  query: periodQuery,
  response: {
    status: 200,
    description: 'The usage.',
    schema: clientUsageResource,
    example: { object: 'client_usage', client_id: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t', period: periodExample, totals: totalsExample, messages_by_channel: [{ channel: 'email', quantity: 9 }], by_day: [{ day: '2026-11-03', kind: 'call_minutes', channel: null, quantity: 42 }], charged: { events: 96, charges: 96 } },
  },
  errors: ['not_found', 'validation_failed'],
});

const money = z.object({ charges: z.number().int(), retail: z.number().int().meta({ description: 'Revenue: what clients paid at retail, paise, net of refunds.' }), wholesale: z.number().int().meta({ description: 'Cost: what you paid at wholesale, paise.' }), commission: z.number().int().meta({ description: 'retail − wholesale, paise.' }) });
const clientFigures = z.object({ total: z.number().int(), active: z.number().int().meta({ description: 'Charged in the period.' }), new: z.number().int(), churned: z.number().int().meta({ description: 'Deactivated in the period and still inactive.' }) });
const pct = z.number().nullable().meta({ description: 'Percent change against the previous period of the same length; null when that had none.' });

export const metricsResource = z
  .object({
    object: z.literal('metrics'),
    currency: z.literal('INR'),
    period: periodResource,
    clients: clientFigures,
    money,
    growth: z.object({ revenue: pct, commission: pct, active_clients: pct, new_clients: pct }),
    previous: z.object({ clients: clientFigures, money }),
    by_month: z.array(money.extend({ month: z.string(), new_clients: z.number().int(), active_clients: z.number().int() })).meta({ description: 'The six IST months up to the period’s last, oldest first.' }),
    usage: totalsResource.meta({ description: 'Usage of all your clients and your own (messages to your team, API requests about no client) in the period; storage is its change in the period.' }),
    tickets: z.object({ total: z.number().int(), open: z.number().int(), breached: z.number().int(), breach_rate: z.number(), median_first_response_seconds: z.number().nullable(), median_resolution_seconds: z.number().nullable() }).meta({ description: 'Your clients’ support tickets with you, all of them (open counts as of now).' }),
  })
  .meta({ id: 'Metrics' });

const moneyExample = { charges: 420, retail: 4_200_000, wholesale: 3_360_000, commission: 840_000 };
const clientsExample = { total: 48, active: 31, new: 4, churned: 1 };

export const getMetricsOperation = defineOperation({
  method: 'GET',
  path: '/metrics',
  operationId: 'getMetrics',
  summary: 'Your business metrics',
  description:
    'Clients (total, active, new, churned), revenue at retail, cost at wholesale and commission from the ledger, growth against the previous period, six months of history, usage by kind and support ticket statistics. Flowmatix’s partner performance metrics (`GET /partners/metrics`).',
  tag: 'Usage and metrics',
  scope: 'metrics:read',
  query: periodQuery,
  response: {
    status: 200,
    description: 'The metrics.',
    schema: metricsResource,
    example: {
      object: 'metrics',
      currency: 'INR',
      period: periodExample,
      clients: clientsExample,
      money: moneyExample,
      growth: { revenue: 12.5, commission: 9.8, active_clients: 3.3, new_clients: null },
      previous: { clients: { ...clientsExample, active: 30, new: 0 }, money: { ...moneyExample, retail: 3_733_333 } },
      by_month: [{ month: '2026-11', ...moneyExample, new_clients: 4, active_clients: 31 }],
      usage: totalsExample,
      tickets: { total: 12, open: 3, breached: 1, breach_rate: 0.083, median_first_response_seconds: 1800, median_resolution_seconds: 86_400 },
    },
  },
  errors: ['validation_failed'],
});

const n = (value: bigint) => Number(value);
const periodOut = (period: ClientUsage['period']) => ({ from: period.from, to: period.to, start: period.start.toISOString(), end: period.end.toISOString() });
const totalsOut = (totals: ClientUsage['totals']) => ({ call_minutes: n(totals.call_minutes), masking_minutes: n(totals.masking_minutes), messages: n(totals.messages), api_requests: n(totals.api_requests), storage_bytes: n(totals.storage_bytes), flow_executions: n(totals.flow_executions) });
const moneyOut = (m: Metrics['money']) => ({ charges: m.charges, retail: n(m.retail), wholesale: n(m.wholesale), commission: n(m.commission) });

export const toClientUsageResource = (usage: ClientUsage): z.infer<typeof clientUsageResource> => ({
  object: 'client_usage',
  client_id: usage.clientId,
  period: periodOut(usage.period),
  totals: totalsOut(usage.totals),
  messages_by_channel: usage.messagesByChannel.map((row) => ({ channel: row.channel, quantity: n(row.quantity) })),
  by_day: usage.days.map((row) => ({ day: row.day, kind: row.kind, channel: row.channel || null, quantity: n(row.quantity) })),
  charged: usage.charged,
});

export const toMetricsResource = (metrics: Metrics): z.infer<typeof metricsResource> => ({
  object: 'metrics',
  currency: 'INR',
  period: periodOut(metrics.period),
  clients: metrics.clients,
  money: moneyOut(metrics.money),
  growth: { revenue: metrics.growth.revenue, commission: metrics.growth.commission, active_clients: metrics.growth.activeClients, new_clients: metrics.growth.newClients },
  previous: { clients: metrics.previous.clients, money: moneyOut(metrics.previous.money) },
  by_month: metrics.months.map((m) => ({ month: m.month, ...moneyOut(m), new_clients: m.newClients, active_clients: m.activeClients })),
  usage: totalsOut(metrics.usage),
  tickets: { total: metrics.tickets.total, open: metrics.tickets.open, breached: metrics.tickets.breached, breach_rate: metrics.tickets.breachRate, median_first_response_seconds: metrics.tickets.medianFirstResponseSeconds, median_resolution_seconds: metrics.tickets.medianResolutionSeconds },
});

