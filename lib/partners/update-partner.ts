import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { partners } from '@/db/schema';
import { forgetApiKey } from '@/lib/api-keys/authenticate-api-key';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/audit/context';
import { requireOperator } from '@/lib/auth/permissions';
import { notFound } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { forgetTenant } from '@/lib/tenancy/resolve-host';
import { changeTierSchema, setPartnerStatusSchema, setRateLimitSchema } from './schemas';
import type { z } from 'zod';

async function updatePartner(ctx: Ctx, partnerId: string, action: string, change: Partial<typeof partners.$inferInsert>) {
  requireOperator(ctx);
  const updated = await getDb().transaction(async (tx) => {
    const [before] = await tx.select().from(partners).where(eq(partners.id, partnerId)).for('update');
    if (!before) throw notFound('Partner');
    const [after] = await tx.update(partners).set(change).where(eq(partners.id, partnerId)).returning();
    await recordAudit(tx, ctx, { partnerId, action, targetType: 'partner', targetId: partnerId, before: pick(before, change), after: change });
    return after!;
  });
  forgetTenant(partnerId);
  return updated;
}

function pick(row: Record<string, unknown>, change: Record<string, unknown>) {
  return Object.fromEntries(Object.keys(change).map((key) => [key, row[key]]));
}

export async function changePartnerTier(ctx: Ctx, input: Untrusted<z.input<typeof changeTierSchema>>) {
  const data = parseInput(changeTierSchema, input);
  return updatePartner(ctx, data.partnerId, 'partner.tier_changed', { tier: data.tier });
}

/** Suspending keeps every row but closes the partner's hosts and sign-ins until it is reactivated. */
export async function setPartnerStatus(ctx: Ctx, input: Untrusted<z.input<typeof setPartnerStatusSchema>>) {
  const data = parseInput(setPartnerStatusSchema, input);
  const suspendedReason = data.status === 'suspended' ? data.reason || null : null;
  return updatePartner(ctx, data.partnerId, data.status === 'suspended' ? 'partner.suspended' : 'partner.reactivated', { status: data.status, suspendedReason });
}

/**
 * Overrides the tier's API rate limit for one partner (null: back to the tier's). Cached keys carry the limit,
 * so the key cache is dropped: this instance applies the new limit at once, others within the cache's lifetime.
 */
export async function setRateLimitOverride(ctx: Ctx, input: Untrusted<z.input<typeof setRateLimitSchema>>) {
  const data = parseInput(setRateLimitSchema, input);
  const updated = await updatePartner(ctx, data.partnerId, 'partner.rate_limit_changed', { rateLimitPerHour: data.rateLimitPerHour });
  forgetApiKey();
  return updated;
}
