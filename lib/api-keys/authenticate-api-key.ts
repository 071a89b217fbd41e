import { eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db';
import { apiKeys, partners } from '@/db/schema';
import { digestToken } from '@/lib/crypto/tokens';
import { AppError } from '@/lib/errors/app-error';
import { apiKeyPattern } from './schemas';

export type AuthenticatedKey = {
  id: string;
  mode: 'live' | 'test';
  scopes: string[];
  expiresAt: Date | null;
  revokedAt: Date | null;
  /** The partner the key acts on (the sandbox for test keys). */
  partnerId: string;
  /** The live partner that owns the key: what X-Partner-ID must name. */
  livePartnerId: string;
  partnerStatus: 'active' | 'suspended';
  tier: 'standard' | 'premium' | 'enterprise';
  rateLimitPerHour: number | null;
};

/**
 * Keys are looked up by digest and cached for a short while, so the hot path usually costs no query. A
 * revocation clears this instance's entry at once; other instances see it within `keyCacheTtlMs`.
 */
const keyCacheTtlMs = 10_000;
type KeyCache = Map<string, { key: AuthenticatedKey | null; expiresAt: number }>;
// On globalThis: Next bundles route handlers and server actions separately, each with its own copy of this
// module, and a revocation made from the console must reach the copy the REST routes use.
const cacheKey = Symbol.for('switchboard.apiKeyCache');
const cache: KeyCache = ((globalThis as typeof globalThis & { [cacheKey]?: KeyCache })[cacheKey] ??= new Map());

export function forgetApiKey(digest?: string) {
  if (digest) cache.delete(digest);
  else cache.clear();
}

/** The live partner of a key: the key's own partner, or the parent of its sandbox. */
const livePartners = alias(partners, 'live_partners');

async function lookup(digest: string): Promise<AuthenticatedKey | null> {
  // Status, tier and limit are the live partner's: a sandbox keeps neither in step, and a suspended partner's
  // test keys must stop working too.
  const [row] = await getDb()
    .select({
      id: apiKeys.id,
      mode: apiKeys.mode,
      scopes: apiKeys.scopes,
      expiresAt: apiKeys.expiresAt,
      revokedAt: apiKeys.revokedAt,
      partnerId: apiKeys.partnerId,
      livePartnerId: livePartners.id,
      partnerStatus: livePartners.status,
      tier: livePartners.tier,
      rateLimitPerHour: livePartners.rateLimitPerHour,
    })
    .from(apiKeys)
    .innerJoin(partners, eq(partners.id, apiKeys.partnerId))
    .innerJoin(livePartners, eq(livePartners.id, sql`coalesce(${partners.parentId}, ${partners.id})`))
    .where(eq(apiKeys.secretDigest, digest))
    .limit(1);
  return row ?? null;
}

/**
 * A key that exists but may not be used (revoked, expired, its partner suspended). It names the key, so the
 * refusal shows in that partner's request log: "why did my key stop working" is answered there.
 */
export class ApiKeyRefused extends AppError {
  constructor(
    code: 'api_key_revoked' | 'api_key_expired' | 'forbidden',
    message: string,
    readonly key: AuthenticatedKey,
  ) {
    super(code, message);
  }
}

/** Who a Bearer token is, or the precise reason it is refused. */
export async function authenticateApiKey(token: string | null, now = Date.now()): Promise<AuthenticatedKey> {
  if (!token) throw new AppError('unauthenticated', 'Send your API key as `Authorization: Bearer sk_live_…`.');
  if (!apiKeyPattern.test(token)) throw new AppError('invalid_api_key', 'The API key is malformed: keys look like sk_live_… or sk_test_… followed by 32 characters.');
  const digest = digestToken(token);
  let entry = cache.get(digest);
  if (!entry || entry.expiresAt <= now) {
    entry = { key: await lookup(digest), expiresAt: now + keyCacheTtlMs };
    if (cache.size > 50_000) cache.clear();
    cache.set(digest, entry);
  }
  const key = entry.key;
  if (!key) throw new AppError('invalid_api_key', 'The API key is not recognised.');
  if (key.revokedAt) throw new ApiKeyRefused('api_key_revoked', 'The API key was revoked.', key);
  if (key.expiresAt && key.expiresAt.getTime() <= now) throw new ApiKeyRefused('api_key_expired', `The API key expired at ${key.expiresAt.toISOString()}.`, key);
  if (key.partnerStatus !== 'active') throw new ApiKeyRefused('forbidden', 'This partner account is suspended.', key);
  return key;
}
