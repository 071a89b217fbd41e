import { systemCtx } from '@/lib/audit/context';
import { formatInr, parseRupees } from '@/lib/ledger/format';
import { creditPartner } from '@/lib/ledger/money-in';
import { findPartnerBySlug } from '@/lib/partners/get-partner';
import { defineCommand, UsageError } from '../command';

export const creditPartnerCommand = defineCommand({
  name: 'credit-partner',
  summary: 'Record a payment received from a partner: its prepaid balance grows. A reference (bank UTR) is credited once.',
  usage: '--partner <slug> --amount <rupees, e.g. 25000.50> --reference <UTR> [--memo <text>]',
  options: { partner: { type: 'string' }, amount: { type: 'string' }, reference: { type: 'string' }, memo: { type: 'string' } },
  required: ['partner', 'amount', 'reference'],
  check(flags) {
    if (parseRupees(flags.amount) === null) throw new UsageError('--amount must be rupees with at most two decimals, e.g. 25000.50');
  },
  async run(flags, io) {
    const partner = await findPartnerBySlug(systemCtx, flags.partner);
    const result = await creditPartner(systemCtx, { partnerId: partner.id, amount: parseRupees(flags.amount)!, reference: flags.reference, memo: flags.memo });
    io.out(`${result.replayed ? 'Already credited' : 'Credited'} ${formatInr(result.amount)} to ${partner.slug} (reference ${flags.reference}); prepaid balance ${result.balance === null ? 'unchanged' : formatInr(result.balance)}.`);
  },
});
