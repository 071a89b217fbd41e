import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { partnerBranding, partners } from '@/db/schema';
import { notFound } from '@/lib/errors/app-error';
import { isUniqueViolation } from '@/lib/errors/postgres';
import type { PartnerCtx } from '@/lib/audit/context';

export type Environment = 'live' | 'test';

/**
 * A partner's sandbox: a partner row of kind `sandbox` under the live one, with rows of its own and simulated
 * providers only. It is created the first time anyone needs it (a test key, the console's Test switch), so
 * every partner has one without a backfill. Its slug (`<slug>--sandbox`) can never be a live slug, and it is
 * never served on a host.
 */
export async function ensureSandbox(livePartnerId: string): Promise<string> {
  const db = getDb();
  const existing = await findSandbox(livePartnerId);
  if (existing) return existing;
  const [live] = await db.select().from(partners).where(and(eq(partners.id, livePartnerId), eq(partners.kind, 'live'))).limit(1);
  if (!live) throw notFound('Partner');
  try {
    return await db.transaction(async (tx) => {
      const [sandbox] = await tx
        .insert(partners)
        .values({ slug: `${live.slug}--sandbox`, name: `${live.name} (test)`, tier: live.tier, kind: 'sandbox', parentId: live.id })
        .returning({ id: partners.id });
      await tx.insert(partnerBranding).values({ partnerId: sandbox!.id, productName: live.name });
      return sandbox!.id;
    });
  } catch (error) {
    // Two first uses at once: the other one created it.
    if (isUniqueViolation(error, 'partners_slug_key')) return ensureSandbox(livePartnerId);
    throw error;
  }
}

/** The partner a request acts on: the live partner itself, or its sandbox in test mode. */
export async function partnerForEnvironment(livePartnerId: string, environment: Environment): Promise<string> {
  return environment === 'live' ? livePartnerId : ensureSandbox(livePartnerId);
}

/**
 * A live partner's context moved into an environment: in test mode it names the sandbox, and a partner user acts
 * there with the role they hold on the live partner (a sandbox has no users of its own). Only for a context
 * already checked against the live partner: the sandbox is derived from it here, never taken from a request.
 */
export async function contextForEnvironment(ctx: PartnerCtx, environment: Environment): Promise<PartnerCtx> {
  const partnerId = await partnerForEnvironment(ctx.partnerId, environment);
  if (partnerId === ctx.partnerId) return ctx;
  const { actor } = ctx;
  return { ...ctx, partnerId, actor: actor.type === 'partner_user' ? { ...actor, partnerId } : actor };
}

/** A live partner's sandbox, if it has one yet (none is made). */
export async function findSandbox(livePartnerId: string): Promise<string | null> {
  const [row] = await getDb().select({ id: partners.id }).from(partners).where(and(eq(partners.parentId, livePartnerId), eq(partners.kind, 'sandbox'))).limit(1);
  return row?.id ?? null;
}
