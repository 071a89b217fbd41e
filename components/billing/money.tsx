import { formatAmount, formatInr } from '@/lib/ledger/format';
import type { LedgerUnit } from '@/lib/ledger/format';

/** An amount as people read it: ₹1,23,456.78 (Indian grouping), or "30 days". Signed amounts keep their sign. */
export function Money({ value, unit = 'inr', signed = false, className }: { value: bigint | number; unit?: LedgerUnit; signed?: boolean; className?: string }) {
  const n = BigInt(value);
  const text = unit === 'inr' ? formatInr(n < 0n ? -n : n) : formatAmount(n < 0n ? -n : n, unit);
  const sign = n < 0n ? '−' : signed && n > 0n ? '+' : '';
  return <span className={`tabular-nums ${className ?? ''}`}>{sign}{text}</span>;
}

const day = new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeZone: 'Asia/Kolkata' });

/** "Spends ₹1,300.00 a day; runs out around 14 Jan 2027", shown beside every balance. */
export function ForecastLine({ dailySpend, runsOutOn, unit = 'inr' }: { dailySpend: bigint; runsOutOn: Date | null; unit?: LedgerUnit }) {
  if (dailySpend === 0n) return <p className="text-sm text-slate-600">No spending in the last 30 days.</p>;
  return (
    <p className="text-sm text-slate-600" data-testid="forecast">
      Spends about <Money value={dailySpend} unit={unit} /> a day (30-day average){runsOutOn ? <>; runs out around {day.format(runsOutOn)}</> : null}.
    </p>
  );
}
