import { z } from 'zod';
import { listParamsShape } from '@/lib/pagination/cursor';
import { productCodes } from '@/lib/prices/products';
import { defineOperation } from '../operation';
import { idOf, pageOf, timestamp } from '../schemas';
import { storableIsoDate, storableIsoDateTime } from '@/lib/dates/storable-date';

const paise = (description: string) => z.number().int().meta({ description: `${description}, in paise (₹1 = 100).`, example: 150000 });
const isoDate = storableIsoDate('Use a date as YYYY-MM-DD.');
const dateTime = storableIsoDateTime('Use an ISO 8601 date-time.');
const transferKinds = ['top_up', 'charge', 'refund', 'purchase', 'allocation', 'reclaim', 'adjustment', 'expiry'] as const;

const forecast = z
  .object({
    daily_spend: paise('Average spend per day over the last 30 days'),
    runs_out_on: z.string().nullable().meta({ description: 'The day the balance runs out at that pace; null when nothing was spent.', format: 'date-time' }),
  })
  .meta({ id: 'Forecast' });

const balance = z.object({ balance: z.number().int(), held: z.number().int().meta({ description: 'Reserved by holds; available = balance − held.' }), available: z.number().int(), low_balance_threshold: z.number().int().nullable(), forecast });

export const partnerBalanceResource = z
  .object({
    object: z.literal('partner_balance'),
    currency: z.literal('INR'),
    prepaid: balance.meta({ description: 'The prepaid balance in paise: wholesale prices are taken from it.' }),
    days: balance.meta({ description: 'Channel days in the pool, to allocate to clients.' }),
    points: balance.meta({ description: 'Points in the pool, to allocate to clients.' }),
  })
  .meta({ id: 'PartnerBalance' });

const forecastExample = { daily_spend: 12_500, runs_out_on: '2027-01-14T10:00:00.000Z' };
const balanceExample = { balance: 1_250_000, held: 0, available: 1_250_000, low_balance_threshold: 100_000, forecast: forecastExample };
const partnerBalanceExample = { object: 'partner_balance', currency: 'INR', prepaid: balanceExample, days: { ...balanceExample, balance: 120, available: 120, low_balance_threshold: null, forecast: { daily_spend: 4, runs_out_on: '2027-01-01T10:00:00.000Z' } }, points: { ...balanceExample, balance: 0, available: 0, low_balance_threshold: null, forecast: { daily_spend: 0, runs_out_on: null } } };

export const transactionResource = z
  .object({
    object: z.literal('transaction'),
    id: idOf('len', 'The statement line’s id (cursor).'),
    transfer_id: idOf('ltr', 'The ledger transfer.'),
    charge_id: idOf('lset', 'The linked set it belongs to: for a charge, what a refund names.'),
    type: z.enum(transferKinds),
    amount: z.number().int().meta({ description: 'Signed: positive credits, negative debits (paise, days or points).' }),
    balance_after: z.number().int(),
    product: z.string().nullable(),
    number: z.string().nullable().meta({ description: 'What it paid for, e.g. the number (`object_id`).' }),
    memo: z.string().nullable(),
    reference: z.string().nullable(),
    created_at: timestamp,
  })
  .meta({ id: 'Transaction' });

const transactionExample = { object: 'transaction', id: 'len_01kaz3d4mqf2v8n6w0c1e5rj7t', transfer_id: 'ltr_01kaz3d4mqf2v8n6w0c1e5rj7t', charge_id: 'lset_01kaz3d4mqf2v8n6w0c1e5rj7t', type: 'charge', amount: -30_000, balance_after: 470_000, product: 'number_rental_local', number: '+911143104501', memo: null, reference: null, created_at: '2026-11-21T08:15:00.000Z' };

const statementQuery = z.strictObject({
  ...listParamsShape,
  type: z.enum(transferKinds).optional().meta({ description: 'Only this kind of transaction.' }),
  from: dateTime.optional().meta({ description: 'At or after this time.' }),
  to: dateTime.optional().meta({ description: 'At or before this time.' }),
  number: z.string().trim().min(1).max(200).optional().meta({ description: 'Only what paid for this object (e.g. a number).', example: '+911143104501' }),
});

export const getPartnerBalanceOperation = defineOperation({
  method: 'GET',
  path: '/billing/balance',
  operationId: 'getPartnerBalance',
  summary: 'Your balances',
  description: 'Your prepaid balance (paise), day balance and points pool, with a burn forecast from the last 30 days. In test mode, the sandbox’s own balances.',
  tag: 'Billing',
  scope: 'billing:read',
  response: { status: 200, description: 'The balances.', schema: partnerBalanceResource, example: partnerBalanceExample },
});

export const listPartnerTransactionsOperation = defineOperation({
  method: 'GET',
  path: '/billing/transactions',
  operationId: 'listPartnerTransactions',
  summary: 'Your transactions',
  description: 'Your prepaid balance’s statement (or the day or points pool’s with `unit`), newest first, filtered by type, date range and number.',
  tag: 'Billing',
  scope: 'billing:read',
  query: statementQuery.extend({ unit: z.enum(['inr', 'days', 'points']).default('inr').meta({ description: 'Which balance.' }) }),
  response: { status: 200, description: 'A page of transactions.', schema: pageOf(transactionResource), example: { object: 'list', data: [{ ...transactionExample, amount: -24_000 }], has_more: false } },
});

export const priceResource = z
  .object({
    object: z.literal('price'),
    product: z.enum(productCodes),
    name: z.string(),
    per: z.string().meta({ example: 'minute' }),
    list: paise('The operator’s list price'),
    wholesale: paise('What you pay (list less your tier’s discount, or your negotiated price)'),
    retail: paise('What your clients pay (the list price until you set it)'),
    margin: z.number().int().meta({ description: 'retail − wholesale, paise: your commission per unit.' }),
  })
  .meta({ id: 'Price' });

const priceExample = { object: 'price', product: 'call_minute_outbound', name: 'Call minutes, outbound', per: 'minute', list: 90, wholesale: 72, retail: 100, margin: 28 };

export const listPricesOperation = defineOperation({
  method: 'GET',
  path: '/prices',
  operationId: 'listPrices',
  summary: 'List prices',
  description: 'Every product with its list, wholesale and retail price and your margin.',
  tag: 'Billing',
  scope: 'billing:read',
  response: { status: 200, description: 'Every product’s prices.', schema: z.object({ object: z.literal('list'), data: z.array(priceResource), has_more: z.literal(false) }), example: { object: 'list', data: [priceExample], has_more: false } },
});

export const setRetailPriceOperation = defineOperation({
  method: 'PUT',
  path: '/prices/{product}',
  operationId: 'setRetailPrice',
  summary: 'Set a retail price',
  description: 'Sets what your clients pay for a product. A price below your wholesale price loses money on each sale and is refused (422 `retail_below_wholesale`) unless `confirm_below_wholesale` is true.',
  tag: 'Billing',
  scope: 'billing:write',
  params: z.strictObject({ product: z.enum(productCodes, 'Unknown product.') }),
  body: z.strictObject({ amount: z.number().int().min(0).meta({ description: 'Paise per unit.', example: 100 }), confirm_below_wholesale: z.boolean().default(false) }),
  bodyExample: { amount: 100 },
  response: { status: 200, description: 'The product’s prices after the change.', schema: priceResource, example: priceExample },
  errors: ['retail_below_wholesale', 'validation_failed'],
});

export const walletResource = z
  .object({
    object: z.literal('wallet'),
    client_id: idOf('cli', 'The client.'),
    currency: z.literal('INR'),
    balance: z.number().int().meta({ description: 'Paise.' }),
    held: z.number().int(),
    available: z.number().int(),
    low_balance_threshold: z.number().int().nullable(),
    valid_till: z.string().nullable().meta({ format: 'date-time', description: 'When the client’s validity ends; null for no limit.' }),
    expired: z.boolean().meta({ description: 'True when validity passed and services are suspended.' }),
    days: z.number().int(),
    points: z.number().int(),
    forecast,
  })
  .meta({ id: 'Wallet' });

const walletExample = { object: 'wallet', client_id: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t', currency: 'INR', balance: 470_000, held: 0, available: 470_000, low_balance_threshold: 50_000, valid_till: '2026-12-31T18:29:59.000Z', expired: false, days: 30, points: 0, forecast: forecastExample };

const clientParams = z.strictObject({ client_id: idOf('cli', 'The client’s id.') });

export const getClientWalletOperation = defineOperation({
  method: 'GET',
  path: '/clients/{client_id}/wallet',
  operationId: 'getClientWallet',
  summary: 'Get a client’s wallet',
  description: 'The client’s wallet balance (paise), validity, days and points, and its burn forecast.',
  tag: 'Billing',
  scope: 'billing:read',
  params: clientParams,
  response: { status: 200, description: 'The wallet.', schema: walletResource, example: walletExample },
  errors: ['not_found'],
});

export const listClientTransactionsOperation = defineOperation({
  method: 'GET',
  path: '/clients/{client_id}/wallet/transactions',
  operationId: 'listClientTransactions',
  summary: 'List a client’s wallet transactions',
  description: 'The wallet’s statement, newest first, filtered by type, date range and number.',
  tag: 'Billing',
  scope: 'billing:read',
  params: clientParams,
  query: statementQuery,
  response: { status: 200, description: 'A page of transactions.', schema: pageOf(transactionResource), example: { object: 'list', data: [transactionExample], has_more: false } },
  errors: ['not_found'],
});

export const addClientCreditsOperation = defineOperation({
  method: 'POST',
  path: '/clients/{client_id}/wallet/credits',
  operationId: 'addClientCredits',
  summary: 'Add credits and/or validity',
  description: 'Adds credits to the client’s wallet and/or sets its validity, atomically: both change or neither. An expired client resumes when its validity moves into the future. Send an `Idempotency-Key` to make a retry safe.',
  tag: 'Billing',
  scope: 'billing:write',
  params: clientParams,
  body: z.strictObject({
    amount: z.number().int().positive().optional().meta({ description: 'Paise to add.', example: 50_000 }),
    valid_till: dateTime.optional().meta({ description: 'The new end of validity.', example: '2026-12-31T23:59:59+05:30' }),
    memo: z.string().trim().max(500).optional(),
  }),
  bodyExample: { amount: 50_000, valid_till: '2026-12-31T23:59:59+05:30' },
  response: { status: 200, description: 'The wallet after the change.', schema: walletResource, example: walletExample },
  errors: ['not_found', 'validation_failed'],
});

export const buyUnitsOperation = defineOperation({
  method: 'POST',
  path: '/billing/purchases',
  operationId: 'buyUnits',
  summary: 'Buy days or points',
  description: 'Buys channel days or points from your prepaid balance at your wholesale price, into your pool.',
  tag: 'Billing',
  scope: 'billing:write',
  body: z.strictObject({ unit: z.enum(['days', 'points']), quantity: z.number().int().min(1).max(10_000_000) }),
  bodyExample: { unit: 'days', quantity: 30 },
  response: {
    status: 200,
    description: 'What was bought.',
    schema: z.object({ object: z.literal('purchase'), unit: z.enum(['days', 'points']), quantity: z.number().int(), cost: paise('What it cost'), pool: z.number().int() }).meta({ id: 'Purchase' }),
    example: { object: 'purchase', unit: 'days', quantity: 30, cost: 72_000, pool: 150 },
  },
  errors: ['partner_insufficient_funds'],
});

export const allocateUnitsOperation = defineOperation({
  method: 'POST',
  path: '/clients/{client_id}/allocations',
  operationId: 'allocateUnits',
  summary: 'Allocate or reclaim days or points',
  description: 'Moves days or points from your pool to the client (`allocate`), or back (`reclaim`).',
  tag: 'Billing',
  scope: 'billing:write',
  params: clientParams,
  body: z.strictObject({ unit: z.enum(['days', 'points']), quantity: z.number().int().min(1).max(10_000_000), direction: z.enum(['allocate', 'reclaim']).default('allocate') }),
  bodyExample: { unit: 'days', quantity: 10 },
  response: {
    status: 200,
    description: 'The pool and the client’s balance after the move.',
    schema: z.object({ object: z.literal('allocation'), unit: z.enum(['days', 'points']), quantity: z.number().int(), pool: z.number().int(), client: z.number().int() }).meta({ id: 'Allocation' }),
    example: { object: 'allocation', unit: 'days', quantity: 10, pool: 140, client: 10 },
  },
  errors: ['not_found', 'partner_insufficient_funds', 'client_insufficient_funds'],
});

export const refundChargeOperation = defineOperation({
  method: 'POST',
  path: '/charges/{charge_id}/refund',
  operationId: 'refundCharge',
  summary: 'Refund a charge',
  description: 'Reverses a charge exactly: the client’s wallet gets the retail price back, your prepaid balance the wholesale price, and the commission is reversed. A charge is refunded once.',
  tag: 'Billing',
  scope: 'billing:write',
  params: z.strictObject({ charge_id: idOf('lset', 'The charge (the `charge_id` of its transactions).') }),
  body: z.strictObject({ reason: z.string().trim().min(3).max(500).meta({ example: 'Number never went live' }) }),
  bodyExample: { reason: 'Number never went live' },
  response: {
    status: 200,
    description: 'The refund.',
    schema: z.object({ object: z.literal('refund'), id: idOf('lset', 'The refund.'), charge_id: z.string(), retail: z.number().int(), wholesale: z.number().int(), commission: z.number().int() }).meta({ id: 'Refund' }),
    example: { object: 'refund', id: 'lset_01kaz3d4mqf2v8n6w0c1e5rj7v', charge_id: 'lset_01kaz3d4mqf2v8n6w0c1e5rj7t', retail: 30_000, wholesale: 24_000, commission: 6_000 },
  },
  errors: ['not_found', 'already_refunded'],
});

export const commissionReportResource = z
  .object({
    object: z.literal('commission_report'),
    currency: z.literal('INR'),
    start_date: z.string(),
    end_date: z.string(),
    customer_id: z.string().nullable(),
    total_charges: z.number().int(),
    total_retail: z.number().int(),
    total_wholesale: z.number().int(),
    total_commission: z.number().int(),
    by_period: z.array(z.object({ period: z.string().meta({ description: 'YYYY-MM-DD (India time) or YYYY-MM.' }), charges: z.number().int(), commission: z.number().int() })),
    by_customer: z.array(z.object({ customer_id: z.string(), name: z.string(), charges: z.number().int(), retail: z.number().int(), wholesale: z.number().int(), commission: z.number().int() })),
  })
  .meta({ id: 'CommissionReport' });

export const getCommissionReportOperation = defineOperation({
  method: 'GET',
  path: '/partners/commissions',
  operationId: 'getCommissionReport',
  summary: 'Commission report',
  description: 'Your commission (retail − wholesale) over a range of Indian days, both included, optionally for one client; refunds count negatively. The path and parameters follow Flowmatix’s `GET /api/v1/partners/commissions`; `client_id` is accepted as another name for `customer_id`.',
  tag: 'Billing',
  scope: 'billing:read',
  query: z.strictObject({
    start_date: isoDate.meta({ example: '2026-11-01' }),
    end_date: isoDate.meta({ example: '2026-11-30' }),
    customer_id: idOf('cli', 'Only this client.').optional(),
    client_id: idOf('cli', 'Only this client (the same as `customer_id`).').optional(),
    group_by: z.enum(['day', 'month']).default('day'),
  }),
  response: {
    status: 200,
    description: 'The report.',
    schema: commissionReportResource,
    example: { object: 'commission_report', currency: 'INR', start_date: '2026-11-01', end_date: '2026-11-30', customer_id: null, total_charges: 42, total_retail: 420_000, total_wholesale: 336_000, total_commission: 84_000, by_period: [{ period: '2026-11-21', charges: 42, commission: 84_000 }], by_customer: [{ customer_id: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t', name: 'Bluebird Logistics', charges: 42, retail: 420_000, wholesale: 336_000, commission: 84_000 }] },
  },
  errors: ['validation_failed'],
});

export const simulateTopUpOperation = defineOperation({
  method: 'POST',
  path: '/billing/simulate_top_up',
  operationId: 'simulateTopUp',
  summary: 'Fund the sandbox (test mode only)',
  description: 'Credits your sandbox’s prepaid balance as if a payment had arrived, so test-mode charges can run. Refused with a live key.',
  tag: 'Billing',
  scope: 'billing:write',
  body: z.strictObject({ amount: z.number().int().positive().meta({ description: 'Paise.', example: 1_000_000 }) }),
  bodyExample: { amount: 1_000_000 },
  response: { status: 200, description: 'The sandbox’s prepaid balance after it.', schema: z.object({ object: z.literal('top_up'), amount: z.number().int(), balance: z.number().int() }).meta({ id: 'SimulatedTopUp' }), example: { object: 'top_up', amount: 1_000_000, balance: 1_000_000 } },
  errors: ['forbidden'],
});

export const simulateChargeOperation = defineOperation({
  method: 'POST',
  path: '/clients/{client_id}/simulate_charge',
  operationId: 'simulateCharge',
  summary: 'Charge a client (test mode only)',
  description: 'Charges the client for a product as a capability would: retail from its wallet, wholesale from your prepaid balance, as one linked set; your commission is recorded and `commission.earned` sent. Refused with a live key.',
  tag: 'Billing',
  scope: 'billing:write',
  params: clientParams,
  body: z.strictObject({ product: z.enum(productCodes), quantity: z.number().int().min(1).max(1_000_000).default(1), number: z.string().trim().min(1).max(200).optional().meta({ description: 'What it pays for.' }) }),
  bodyExample: { product: 'call_minute_outbound', quantity: 100, number: '+911143104501' },
  response: {
    status: 200,
    description: 'The charge.',
    schema: z.object({ object: z.literal('charge'), id: idOf('lset', 'The charge.'), retail: z.number().int(), wholesale: z.number().int(), commission: z.number().int(), wallet_balance: z.number().int().nullable(), prepaid_balance: z.number().int().nullable() }).meta({ id: 'Charge' }),
    example: { object: 'charge', id: 'lset_01kaz3d4mqf2v8n6w0c1e5rj7t', retail: 9_000, wholesale: 7_200, commission: 1_800, wallet_balance: 41_000, prepaid_balance: 992_800 },
  },
  errors: ['forbidden', 'not_found', 'client_insufficient_funds', 'partner_insufficient_funds'],
});
