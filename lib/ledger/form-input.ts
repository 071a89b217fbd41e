import { invalid } from '@/lib/errors/app-error';
import { parseRupees } from './format';

/**
 * Console forms take rupees (₹499.50) where the domain and the API take paise; an empty field is "not given".
 * Refuses anything but a plain amount with at most two decimals, beside the field.
 */
export function rupeesToPaise(value: string | undefined, field: string): bigint | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const paise = parseRupees(value);
  if (paise === null) throw invalid(field, 'Give an amount in rupees, such as 500 or 499.50.');
  return paise;
}

/** A signed rupee amount (an adjustment): "-250.00" takes away. */
export function signedRupeesToPaise(value: string | undefined, field: string): bigint | undefined {
  const text = value?.trim() ?? '';
  const negative = text.startsWith('-');
  const paise = rupeesToPaise(negative ? text.slice(1) : text, field);
  return paise === undefined ? undefined : negative ? -paise : paise;
}

/** A `datetime-local` value is a wall-clock time in India (Asia/Kolkata has no daylight saving). */
export function indiaLocalToIso(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value) ? `${value.length === 16 ? `${value}:00` : value}+05:30` : value;
}
