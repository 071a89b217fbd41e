import type { LedgerUnit } from '@/db/schema';

export type { LedgerUnit };

const inr = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const count = new Intl.NumberFormat('en-IN');

/** Paise as a decimal string, exactly (no float ever touches an amount): 12345n → "123.45". */
export function paiseToDecimal(paise: bigint): string {
  const negative = paise < 0n;
  const abs = negative ? -paise : paise;
  return `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** ₹1,23,456.78 — Indian digit grouping, from the exact decimal string. */
export function formatInr(paise: bigint | number): string {
  // Intl formats a decimal string exactly (it never goes through a float).
  return inr.format(paiseToDecimal(BigInt(paise)) as unknown as number);
}

export function formatAmount(amount: bigint | number, unit: LedgerUnit): string {
  if (unit === 'inr') return formatInr(amount);
  const n = count.format(BigInt(amount));
  return unit === 'days' ? `${n} ${BigInt(amount) === 1n ? 'day' : 'days'}` : `${n} ${BigInt(amount) === 1n ? 'point' : 'points'}`;
}

/** "1,234.50" → 123450n; refuses more than two decimals rather than rounding money. */
export function parseRupees(text: string): bigint | null {
  const match = /^\s*(\d{1,13})(?:\.(\d{1,2}))?\s*$/.exec(text.replace(/,/g, ''));
  if (!match) return null;
  return BigInt(match[1]!) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
}
