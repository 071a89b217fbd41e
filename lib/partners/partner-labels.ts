import { inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { partners } from '@/db/schema';
import type { Ctx } from '@/lib/audit/context';
import { requireOperator } from '@/lib/auth/permissions';

export type PartnerLabel = { id: string; name: string; slug: string; kind: 'live' | 'sandbox' };

/** Names of some partners (sandboxes included), for operator pages that list rows of many partners. */
export async function partnerLabels(ctx: Ctx, ids: readonly string[]): Promise<Map<string, PartnerLabel>> {
  requireOperator(ctx);
  if (ids.length === 0) return new Map();
  const rows = await getDb()
    .select({ id: partners.id, name: partners.name, slug: partners.slug, kind: partners.kind })
    .from(partners)
    .where(inArray(partners.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row]));
}
