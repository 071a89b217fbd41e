import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { partners } from '@/db/schema';
import { getConfig, type Config } from '@/lib/config';
import { invalid, notFound } from '@/lib/errors/app-error';
import { assertPublicHost, systemResolver, TargetRefusedError, type Resolver } from './ssrf-guard';

export type PartnerKind = 'live' | 'sandbox';

/**
 * Sandboxes and development may allow localhost by explicit configuration (WEBHOOK_ALLOW_PRIVATE_TARGETS):
 * then a sandbox may use http and reach this machine or the private network, and so may a live partner
 * outside production. A live partner in production never can, whatever the flag says.
 */
export function allowsPrivateTargets(kind: PartnerKind, config: Pick<Config, 'WEBHOOK_ALLOW_PRIVATE_TARGETS' | 'NODE_ENV'> = getConfig()): boolean {
  return config.WEBHOOK_ALLOW_PRIVATE_TARGETS && (kind === 'sandbox' || config.NODE_ENV !== 'production');
}

export async function partnerKind(partnerId: string): Promise<PartnerKind> {
  const [row] = await getDb().select({ kind: partners.kind }).from(partners).where(eq(partners.id, partnerId)).limit(1);
  if (!row) throw notFound('Partner');
  return row.kind;
}

/** Refuses, as a validation error on `url`, a target this partner may not send to. */
export async function assertAllowedTarget(url: string, kind: PartnerKind, resolve: Resolver = systemResolver): Promise<void> {
  if (allowsPrivateTargets(kind)) return;
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:') throw invalid('url', 'Use an https:// URL.');
  try {
    await assertPublicHost(parsed.hostname, resolve);
  } catch (error) {
    if (error instanceof TargetRefusedError) throw invalid('url', error.message);
    throw error;
  }
}
