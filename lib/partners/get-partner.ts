import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { partners } from '@/db/schema';
import type { Ctx } from '@/lib/audit/context';
import { requireOperator } from '@/lib/auth/permissions';
import { notFound } from '@/lib/errors/app-error';

/** One partner, for the operator console. */
export async function getPartner(ctx: Ctx, partnerId: string) {
  requireOperator(ctx);
  const [partner] = await getDb().select().from(partners).where(eq(partners.id, partnerId)).limit(1);
  if (!partner) throw notFound('Partner');
  return partner;
}

export async function findPartnerBySlug(ctx: Ctx, slug: string) {
  requireOperator(ctx);
  const [partner] = await getDb().select().from(partners).where(eq(partners.slug, slug.toLowerCase())).limit(1);
  if (!partner) throw notFound(`Partner “${slug}”`);
  return partner;
}
