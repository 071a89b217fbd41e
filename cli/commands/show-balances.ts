import { systemCtx } from '@/lib/audit/context';
import { formatAmount, formatInr } from '@/lib/ledger/format';
import { partnerBalances } from '@/lib/ledger/statements';
import { findPartnerBySlug } from '@/lib/partners/get-partner';
import { defineCommand } from '../command';

const day = new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeZone: 'Asia/Kolkata' });

export const showBalancesCommand = defineCommand({
  name: 'show-balances',
  summary: 'Show a partner’s prepaid balance (with its burn forecast), day balance and points pool.',
  usage: '--partner <slug>',
  options: { partner: { type: 'string' } },
  required: ['partner'],
  async run(flags, io) {
    const partner = await findPartnerBySlug(systemCtx, flags.partner);
    const b = await partnerBalances({ ...systemCtx, partnerId: partner.id });
    const runsOut = b.prepaid.forecast.runsOutOn ? `runs out around ${day.format(b.prepaid.forecast.runsOutOn)}` : 'no spend in the last 30 days';
    io.out(`${partner.slug}: prepaid ${formatInr(b.prepaid.balance)}${b.prepaid.held ? ` (${formatInr(b.prepaid.held)} held)` : ''}; spends ${formatInr(b.prepaid.forecast.dailySpend)} a day, ${runsOut}.`);
    io.out(`  days ${formatAmount(b.days.balance, 'days')}, points ${formatAmount(b.points.balance, 'points')}`);
  },
});
