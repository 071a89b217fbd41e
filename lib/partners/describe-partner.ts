import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { partners } from '@/db/schema';
import type { ApiCtx } from '@/lib/audit/context';
import { tierLimits } from './tier-limits';
import { notFound } from '@/lib/errors/app-error';

/** What an API key can learn about its own partner: identity, environment, tier and limits. */
export async function describePartner(ctx: ApiCtx) {
  const [live] = await getDb().select().from(partners).where(eq(partners.id, ctx.livePartnerId)).limit(1);
  if (!live) throw notFound('Partner');
  return {
    object: 'partner' as const,
    id: live.id,
    name: live.name,
    slug: live.slug,
    environment: ctx.environment,
    acting_partner_id: ctx.partnerId,
    tier: live.tier,
    rate_limit: { limit: live.rateLimitPerHour ?? tierLimits[live.tier], window_seconds: 3600 as const },
    scopes: ctx.scopes,
  };
}
