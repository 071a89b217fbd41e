import { eq } from 'drizzle-orm';
import { getDb, type Queryable } from '@/db';
import { partners, type PartnerRole } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { forbidden } from '@/lib/errors/app-error';

/** The live partner behind a sandbox (test mode), or the partner itself: whose brand, templates and staff apply. */
export async function livePartnerOf(q: Queryable, partnerId: string): Promise<string> {
  const [row] = await q.select({ parentId: partners.parentId }).from(partners).where(eq(partners.id, partnerId));
  return row?.parentId ?? partnerId;
}

/**
 * A context acting on the live partner's settings (templates, sending domain) for a caller that may be its
 * sandbox. The caller's role is checked against the partner it acts for first: a sandbox key has the sandbox's
 * partner id, not the live one's.
 */
export async function actAsLivePartner(ctx: PartnerCtx, minimum: PartnerRole, options: { refuseSandbox?: string } = {}): Promise<PartnerCtx> {
  requirePartnerRole(ctx, minimum);
  const partnerId = await livePartnerOf(getDb(), ctx.partnerId);
  // Some shared settings are live mail's lifeline (a sending domain's DKIM key): a test key must not replace them.
  if (options.refuseSandbox && partnerId !== ctx.partnerId) throw forbidden(options.refuseSandbox);
  return { ...ctx, partnerId };
}
