import type { BillingPeriod } from '@/db/schema';
import { periodFromKey, periodOf } from '@/lib/periods/ist-month';

/**
 * A workspace's billing periods are IST calendar months (lib/periods), or runs of twelve of them for a yearly
 * plan, so a renewal at 00:30 IST on the 1st belongs to the month it starts, never to the one before.
 */
export type WorkspacePeriod = { key: string; start: Date; end: Date };

const dayMs = 86_400_000;

/** The period of this length starting at the IST month that contains `instant`. */
export function periodStartingAt(instant: Date, billing: BillingPeriod): WorkspacePeriod {
  const first = periodOf(instant);
  const last = billing === 'monthly' ? first : periodFromKey(monthKeyAfter(first.year, first.month, 11));
  return { key: first.key, start: first.start, end: last.end };
}

const monthKeyAfter = (year: number, month: number, months: number) => {
  const index = year * 12 + (month - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/**
 * The period after one that ended at `end`, as of `now`: it starts at `end`, unless whole periods were
 * missed since (the worker was stopped, the workspace was paused), and then it is the one containing `now`:
 * a missed period is not charged after the fact.
 */
export function nextPeriodAfter(end: Date, billing: BillingPeriod, now: Date): WorkspacePeriod {
  const next = periodStartingAt(end, billing);
  return next.end > now ? next : periodStartingAt(now, billing);
}

/** IST days of the period left at `now`, the day in progress counting as left (the day a change is made is paid at the new rate). */
export function daysLeft(period: { start: Date; end: Date }, now: Date): number {
  if (now <= period.start) return daysOf(period);
  if (now >= period.end) return 0;
  return Math.ceil((period.end.getTime() - now.getTime()) / dayMs);
}

export const daysOf = (period: { start: Date; end: Date }) => Math.round((period.end.getTime() - period.start.getTime()) / dayMs);

/** The part of a period's price for the days left, rounded half up to the paisa. */
export function prorate(amount: bigint, left: number, total: number): bigint {
  if (total <= 0 || left <= 0) return 0n;
  if (left >= total) return amount;
  return (amount * BigInt(left) * 2n + BigInt(total)) / (BigInt(total) * 2n);
}

/**
 * What switching from `from` to `to` (per-period prices) costs for the rest of the period: the new price for
 * the days left, less a credit for the unused part of the old one. Never negative: a cheaper change waits for
 * the period's end.
 */
export function prorationOf(from: bigint, to: bigint, left: number, total: number) {
  const credit = prorate(from, left, total);
  const charge = prorate(to, left, total);
  return { credit, charge, due: charge > credit ? charge - credit : 0n };
}
