import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '@/db';
import { numbers, type NumberEnvironment } from '@/db/schema';
import { notFound } from '@/lib/errors/app-error';

/**
 * A number as callers name it: its id (`num_…`) or the number itself in E.164 (`+911143104501`); an Indian
 * number given without the country code (ten or eleven digits) gets +91.
 */
export const numberRefSchema = z
  .string('Give the number’s id or the number in E.164.')
  .trim()
  .min(1, 'Give the number’s id or the number in E.164.')
  .max(64)
  .transform((value, context) => {
    if (value.startsWith('num_')) return { id: value, e164: undefined };
    const digits = value.replace(/[\s()-]/g, '');
    if (/^\+\d{8,15}$/.test(digits)) return { id: undefined, e164: digits };
    if (/^\d{10,11}$/.test(digits)) return { id: undefined, e164: `+91${digits}` };
    if (/^91\d{10,11}$/.test(digits)) return { id: undefined, e164: `+${digits}` };
    context.addIssue({ code: 'custom', message: 'Give the number’s id (num_…) or the number in E.164, such as +911143104501.' });
    return z.NEVER;
  });

export type NumberRef = z.infer<typeof numberRefSchema>;

/** The number in this environment's inventory, locked for the transaction when asked; unknown is a 404. */
export async function findNumber(q: Queryable, environment: NumberEnvironment, ref: NumberRef, lock = false) {
  const query = q
    .select()
    .from(numbers)
    .where(and(eq(numbers.environment, environment), ref.id ? eq(numbers.id, ref.id) : eq(numbers.e164, ref.e164 ?? '')))
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Number');
  return row;
}

/** The caller's own number (held, assigned or quarantined by it); any other partner's is a 404. */
export async function ownNumber(q: Queryable, partnerId: string, environment: NumberEnvironment, ref: NumberRef, lock = false) {
  const row = await findNumber(q, environment, ref, lock);
  if (row.partnerId !== partnerId || row.status === 'available' || row.status === 'withdrawn') throw notFound('Number');
  return row;
}

