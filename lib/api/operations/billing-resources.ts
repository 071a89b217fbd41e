import type { ProductPrice } from '@/lib/prices/price-book';
import type { CommissionReport } from '@/lib/ledger/commission-report';
import type { Forecast, StatementLine } from '@/lib/ledger/statements';
import type { clientWallet, partnerBalances } from '@/lib/ledger/statements';

/** Domain values → API resources. Amounts leave as JSON integers (paise): far below 2^53 for any real balance. */
const n = (value: bigint | null) => (value === null ? null : Number(value));

const forecastOf = (f: Forecast) => ({ daily_spend: Number(f.dailySpend), runs_out_on: f.runsOutOn?.toISOString() ?? null });

type Balance = Awaited<ReturnType<typeof partnerBalances>>['prepaid'];
const balanceOf = (b: Balance) => ({ balance: Number(b.balance), held: Number(b.held), available: Number(b.available), low_balance_threshold: n(b.lowBalanceThreshold), forecast: forecastOf(b.forecast) });

export const toPartnerBalanceResource = (b: Awaited<ReturnType<typeof partnerBalances>>) => ({ object: 'partner_balance' as const, currency: 'INR' as const, prepaid: balanceOf(b.prepaid), days: balanceOf(b.days), points: balanceOf(b.points) });

export const toTransactionResource = (line: StatementLine) => ({
  object: 'transaction' as const,
  id: line.id,
  transfer_id: line.transferId,
  charge_id: line.chargeId,
  type: line.kind,
  amount: Number(line.amount),
  balance_after: Number(line.balanceAfter),
  product: line.product,
  number: line.objectId,
  memo: line.memo,
  reference: line.reference,
  created_at: line.createdAt,
});

export const toPriceResource = (p: ProductPrice) => ({ object: 'price' as const, product: p.product, name: p.name, per: p.per, list: Number(p.list), wholesale: Number(p.wholesale), retail: Number(p.retail), margin: Number(p.margin) });

export const toWalletResource = (w: Awaited<ReturnType<typeof clientWallet>>) => ({
  object: 'wallet' as const,
  client_id: w.client.id,
  currency: 'INR' as const,
  balance: Number(w.wallet.balance),
  held: Number(w.wallet.held),
  available: Number(w.wallet.available),
  low_balance_threshold: n(w.wallet.lowBalanceThreshold),
  valid_till: w.validTill?.toISOString() ?? null,
  expired: w.expired,
  days: Number(w.days.balance),
  points: Number(w.points.balance),
  forecast: forecastOf(w.wallet.forecast),
});

export const toCommissionReportResource = (r: CommissionReport) => ({
  object: 'commission_report' as const,
  currency: 'INR' as const,
  start_date: r.startDate,
  end_date: r.endDate,
  customer_id: r.clientId,
  total_charges: r.totals.charges,
  total_retail: Number(r.totals.retail),
  total_wholesale: Number(r.totals.wholesale),
  total_commission: Number(r.totals.commission),
  by_period: r.series.map((s) => ({ period: s.period, charges: s.charges, commission: Number(s.commission) })),
  by_customer: r.byClient.map((c) => ({ customer_id: c.clientId, name: c.name, charges: c.charges, retail: Number(c.retail), wholesale: Number(c.wholesale), commission: Number(c.commission) })),
});
