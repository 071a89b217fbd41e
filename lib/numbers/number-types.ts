import { z } from 'zod';
import type { NumberType } from '@/db/schema';
import type { Product } from '@/lib/prices/products';

export const numberTypes = ['local', 'mobile', 'toll_free'] as const satisfies readonly NumberType[];
export const numberTypeSchema = z.enum(numberTypes, 'Choose local, mobile or toll_free.');
export const numberTypeLabels: Record<NumberType, string> = { local: 'Local (landline)', mobile: 'Mobile', toll_free: 'Toll-free' };

/** The price book products a number of each type is charged at: once on purchase, then every IST month. */
export const numberProducts: Record<NumberType, { setup: Product; rental: Product }> = {
  local: { setup: 'number_setup_local', rental: 'number_rental_local' },
  mobile: { setup: 'number_setup_mobile', rental: 'number_rental_mobile' },
  toll_free: { setup: 'number_setup_toll_free', rental: 'number_rental_toll_free' },
};

/** `+911143104501` → `+91 11 4310 4501` for reading; stored and sent as E.164. */
export function formatNumber(e164: string): string {
  if (!e164.startsWith('+91')) return e164;
  const national = e164.slice(3);
  if (national.startsWith('1800')) return `+91 ${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
  if (/^[6-9]/.test(national)) return `+91 ${national.slice(0, 5)} ${national.slice(5)}`;
  return `+91 ${national.slice(0, national.length - 8)} ${national.slice(-8, -4)} ${national.slice(-4)}`;
}
