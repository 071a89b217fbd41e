import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { partners, type NumberEnvironment } from '@/db/schema';
import { notFound } from '@/lib/errors/app-error';

/** A sandbox partner buys from the sandbox inventory, a live partner from the live one. */
export async function environmentOf(q: Queryable, partnerId: string): Promise<NumberEnvironment> {
  const [partner] = await q.select({ kind: partners.kind }).from(partners).where(eq(partners.id, partnerId)).limit(1);
  if (!partner) throw notFound('Partner');
  return partner.kind === 'sandbox' ? 'sandbox' : 'live';
}
