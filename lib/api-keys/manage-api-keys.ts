import { randomBytes } from 'node:crypto';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { getDb } from '@/db';
import { apiKeys, partners } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { digestToken } from '@/lib/crypto/tokens';
import { notFound } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { ensureSandbox } from '@/lib/partners/sandbox';
import { forgetApiKey } from './authenticate-api-key';
import { createApiKeySchema, type CreateApiKeyInput } from './schemas';

const listedColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  mode: apiKeys.mode,
  displayPrefix: apiKeys.displayPrefix,
  scopes: apiKeys.scopes,
  createdBy: apiKeys.createdBy,
  expiresAt: apiKeys.expiresAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
  createdAt: apiKeys.createdAt,
};

/** The live partner and its sandbox: keys of both modes are managed from the live partner's console. */
async function partnerAndSandbox(livePartnerId: string): Promise<string[]> {
  const rows = await getDb().select({ id: partners.id }).from(partners).where(and(eq(partners.parentId, livePartnerId), eq(partners.kind, 'sandbox')));
  return [livePartnerId, ...rows.map((r) => r.id)];
}

/** Creates a key and returns its secret this once; only a digest is stored. Owners and admins only. */
export async function createApiKey(ctx: PartnerCtx, input: Untrusted<CreateApiKeyInput>) {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(createApiKeySchema, input);
  const keyPartnerId = data.mode === 'live' ? ctx.partnerId : await ensureSandbox(ctx.partnerId);
  const secret = `sk_${data.mode}_${randomBytes(24).toString('base64url')}`;
  const apiKey = await getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        partnerId: keyPartnerId,
        name: data.name,
        mode: data.mode,
        displayPrefix: `${secret.slice(0, 12)}…${secret.slice(-4)}`,
        secretDigest: digestToken(secret),
        scopes: [...new Set(data.scopes)],
        createdBy: ctx.actor.id ?? ctx.actor.type,
        expiresAt: data.expiresAt ?? null,
      })
      .returning(listedColumns);
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'api_key.created', targetType: 'api_key', targetId: row!.id, after: { name: data.name, mode: data.mode, scopes: data.scopes, expiresAt: data.expiresAt ?? null } });
    return row!;
  });
  return { apiKey, secret };
}

export async function listApiKeys(ctx: PartnerCtx) {
  requirePartnerRole(ctx, 'member');
  const owners = await partnerAndSandbox(ctx.partnerId);
  return getDb().select(listedColumns).from(apiKeys).where(inArray(apiKeys.partnerId, owners)).orderBy(desc(apiKeys.id));
}

/** Revokes at once on this instance; other instances stop accepting it within the key cache's lifetime. */
export async function revokeApiKey(ctx: PartnerCtx, apiKeyId: string) {
  requirePartnerRole(ctx, 'admin');
  const owners = await partnerAndSandbox(ctx.partnerId);
  const revoked = await getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.id, apiKeyId), inArray(apiKeys.partnerId, owners), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id, name: apiKeys.name, secretDigest: apiKeys.secretDigest });
    if (!row) throw notFound('API key');
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'api_key.revoked', targetType: 'api_key', targetId: row.id, before: { name: row.name } });
    return row;
  });
  forgetApiKey(revoked.secretDigest);
}
