import { addClientCreditsOperation, getClientWalletOperation, listClientTransactionsOperation } from '@/lib/api/operations/billing';
import { toTransactionResource, toWalletResource } from '@/lib/api/operations/billing-resources';
import { AppError } from '@/lib/errors/app-error';
import { addClientCredits } from '@/lib/ledger/client-credits';
import { paiseToDecimal } from '@/lib/ledger/format';
import { rupeesToPaise } from '@/lib/ledger/form-input';
import { statementFiltersFrom } from '@/lib/ledger/statement-filters';
import { clientStatement, clientWallet } from '@/lib/ledger/statements';
import { available, type DataField } from '../endpoint';
import { integer, text } from '../fields';

/** IVR Solutions' "Wallet & Credits" group: a client's balance and validity, its transactions, and top-ups. */

const group = 'Wallet & Credits' as const;

const rupees = (paise: unknown) => (typeof paise === 'number' ? paiseToDecimal(BigInt(paise)) : null);
const indiaTime = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Kolkata', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
/** "Y-m-d H:i:s" in India time, as IVR Solutions writes dates. */
const ivrDate = (iso: unknown) => (typeof iso === 'string' ? indiaTime.format(new Date(iso)) : null);

const walletData: DataField[] = [
  { name: 'client_id', from: 'client_id' },
  { name: 'balance', from: 'balance', map: rupees, note: 'Rupees as a decimal string ("1234.50").' },
  { name: 'balance_paise', from: 'balance', note: 'Not an IVR Solutions field: the same balance in paise.' },
  { name: 'valid_till', from: 'valid_till', map: ivrDate, note: '"Y-m-d H:i:s", India time; null for no end.' },
  { name: 'expired', from: 'expired', note: 'Not an IVR Solutions field: true when validity passed and services are suspended.' },
];

export const walletBalance = available({
  group,
  method: 'POST',
  path: 'wallet_balance',
  summary: 'Get current wallet balance and client expiry',
  example: { client_id: 'CLIENTAPIKEY12345' },
  rest: getClientWalletOperation,
  fields: { client_id: text('client_id', 'client_id', { difference: 'The client id (cli_…); another partner’s answers 404.' }) },
  data: { shape: 'object', fields: walletData },
  call: async (ctx, { client_id }) => toWalletResource(await clientWallet(ctx, client_id)),
  message: () => 'Wallet balance',
});

/** IVR Solutions' expense types in Switchboard's transaction kinds ("call" is every charge: minutes are charges). */
const expenseTypes: Record<string, string> = { call: 'charge', charge: 'charge', debit: 'charge', credit: 'top_up', top_up: 'top_up', recharge: 'top_up', refund: 'refund', adjustment: 'adjustment', allocation: 'allocation', reclaim: 'reclaim', purchase: 'purchase' };

const transactionData: DataField[] = [
  { name: 'id', from: 'id' },
  { name: 'expense_type', from: 'type', note: 'charge, top_up, refund, adjustment… (the transaction kinds).' },
  { name: 'amount', from: 'amount', map: rupees, note: 'Rupees, signed: negative for debits.' },
  { name: 'balance_after', from: 'balance_after', map: rupees },
  { name: 'did', from: 'number' },
  { name: 'product', from: 'product' },
  { name: 'description', from: 'memo' },
  { name: 'created_at', from: 'created_at', map: ivrDate, note: '"Y-m-d H:i:s", India time.' },
];

const maxLimit = 100;

export const walletTransactions = available({
  group,
  method: 'POST',
  path: 'wallet_transactions',
  summary: 'Get wallet transaction history',
  example: { client_id: 'CLIENTAPIKEY12345', page: '', limit: '', expense_type: 'call', start_date: '2025-08-01', end_date: '2025-08-31', did: '+911143104501' },
  rest: listClientTransactionsOperation,
  fields: {
    client_id: text('client_id', 'client_id', { difference: 'The client id (cli_…).' }),
    page: integer('page', 'page', { difference: 'From 1 (the default).' }),
    limit: integer('limit', 'limit', { difference: `1 to ${maxLimit}, default 20. The REST operation pages with cursors instead.` }),
    expense_type: text('expense_type', 'expense_type', { required: false, difference: '"call" (every charge), "credit", or one of the transaction kinds.' }),
    start_date: text('start_date', 'start_date', { required: false, difference: 'YYYY-MM-DD, India time, included.' }),
    end_date: text('end_date', 'end_date', { required: false, difference: 'YYYY-MM-DD, India time, included.' }),
    did: text('did', 'did', { required: false }),
  },
  data: { shape: 'list', fields: transactionData },
  differences: ['Newest first.'],
  call: async (ctx, input) => {
    const page = input.page ?? 1;
    const limit = input.limit ?? 20;
    if (page < 1) throw new AppError('validation_failed', 'page: Pages start at 1.', { page: 'Pages start at 1.' });
    if (limit < 1 || limit > maxLimit) throw new AppError('validation_failed', `limit: Give 1 to ${maxLimit}.`, { limit: `Give 1 to ${maxLimit}.` });
    const kind = input.expense_type ? expenseTypes[input.expense_type.trim().toLowerCase()] : undefined;
    if (input.expense_type && !kind) throw new AppError('validation_failed', 'expense_type: Send call, credit, refund or adjustment.', { expense_type: 'Send call, credit, refund or adjustment.' });
    const filters = statementFiltersFrom({ type: kind, from: input.start_date, to: input.end_date, number: input.did });
    // Offset pages over the cursor-paged statement: walk to the page asked for.
    let after: string | undefined;
    for (let skipped = 1; skipped < page; skipped++) {
      const previous = await clientStatement(ctx, input.client_id, { ...filters, limit, starting_after: after });
      if (!previous.has_more) return [];
      after = previous.data.at(-1)!.id;
    }
    return (await clientStatement(ctx, input.client_id, { ...filters, limit, starting_after: after })).data.map(toTransactionResource);
  },
  message: (result) => `${result.length} transactions`,
});

/** "2025-12-31 23:59:59" (India time, as IVR Solutions sends it) or an ISO 8601 time. */
function validTillOf(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)$/.exec(value.trim());
  return match ? `${match[1]}T${match[2]!.length === 5 ? `${match[2]}:00` : match[2]}+05:30` : value.trim();
}

export const addCredits = available({
  group,
  method: 'POST',
  path: 'add_client_credits',
  summary: 'Add credits and/or update validity for a client',
  example: { client_id: 'CLIENTAPIKEY12345', valid_till: '2025-12-31 23:59:59', credit: '500' },
  rest: addClientCreditsOperation,
  fields: {
    client_id: text('client_id', 'client_id', { difference: 'The client id (cli_…).' }),
    valid_till: text('valid_till', 'valid_till', { required: false, difference: '"Y-m-d H:i:s" read as India time; must be in the future.' }),
    credit: text('credit', 'credit', { required: false, difference: 'Rupees, at most two decimals ("500" or "499.50"); kept in paise.' }),
  },
  data: { shape: 'object', fields: walletData },
  differences: ['Credit and validity change together or not at all.'],
  call: async (ctx, input) => {
    await addClientCredits(ctx, { clientId: input.client_id, amount: rupeesToPaise(input.credit, 'credit'), validTill: validTillOf(input.valid_till) });
    return toWalletResource(await clientWallet(ctx, input.client_id));
  },
  message: () => 'Credits updated',
});

export const walletGroup = [walletTransactions, walletBalance, addCredits];
