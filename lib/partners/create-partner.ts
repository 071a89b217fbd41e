import { getDb } from '@/db';
import { partnerBranding, partners } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/audit/context';
import { requireOperator } from '@/lib/auth/permissions';
import { conflict } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { isUniqueViolation } from '@/lib/errors/postgres';
import { forgetTenant } from '@/lib/tenancy/resolve-host';
import { createPartnerSchema, type CreatePartnerInput } from './schemas';

/** Creates a live partner with default branding (its own name as the product name). Operators only. */
export async function createPartner(ctx: Ctx, input: Untrusted<CreatePartnerInput>) {
  requireOperator(ctx);
  const data = parseInput(createPartnerSchema, input);
  try {
    const created = await getDb().transaction(async (tx) => {
      const [partner] = await tx.insert(partners).values({ slug: data.slug, name: data.name, tier: data.tier }).returning();
      await tx.insert(partnerBranding).values({ partnerId: partner!.id, productName: data.name });
      await recordAudit(tx, ctx, { partnerId: partner!.id, action: 'partner.created', targetType: 'partner', targetId: partner!.id, after: data });
      return partner!;
    });
    // Its subdomain may be cached as unknown from an earlier visit; this clears unknown hosts too.
    forgetTenant(created.id);
    return created;
  } catch (error) {
    if (isUniqueViolation(error, 'partners_slug_key')) throw conflict(`The slug “${data.slug}” is already taken.`, 'slug');
    throw error;
  }
}
