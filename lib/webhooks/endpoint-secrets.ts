import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { webhookEndpoints, type WebhookEndpoint } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { seal, unseal } from '@/lib/crypto/secret-box';
import { notFound } from '@/lib/errors/app-error';
import { endpointColumns, lockEndpoint, type WebhookEndpointView } from './manage-endpoints';
import { generateWebhookSecret } from './sign';

/** How long a rotated-out secret keeps signing, so receivers can switch over without missing a delivery. */
export const previousSecretValidityMs = 24 * 60 * 60 * 1000;

/** The current signing secret, for the console's reveal button. Admins only, and each reveal is audited. */
export async function revealWebhookSecret(ctx: PartnerCtx, endpointId: string): Promise<string> {
  requirePartnerRole(ctx, 'admin');
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .select({ id: webhookEndpoints.id, secretCiphertext: webhookEndpoints.secretCiphertext })
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.partnerId, ctx.partnerId)));
    if (!row) throw notFound('Webhook endpoint');
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'webhook_endpoint.secret_revealed', targetType: 'webhook_endpoint', targetId: row.id });
    return unseal(row.secretCiphertext);
  });
}

/**
 * Replaces the signing secret and returns the new one this once. The old one keeps signing alongside it for
 * 24 hours (deliveries carry both signatures); rotating again within that time retires the older one at once.
 */
export async function rotateWebhookSecret(ctx: PartnerCtx, endpointId: string): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  requirePartnerRole(ctx, 'admin');
  const secret = generateWebhookSecret();
  const previousSecretExpiresAt = new Date(Date.now() + previousSecretValidityMs);
  const endpoint = await getDb().transaction(async (tx) => {
    const before = await lockEndpoint(tx, ctx, endpointId);
    const [after] = await tx
      .update(webhookEndpoints)
      .set({ secretCiphertext: seal(secret), previousSecretCiphertext: before.secretCiphertext, previousSecretExpiresAt })
      .where(eq(webhookEndpoints.id, before.id))
      .returning(endpointColumns);
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'webhook_endpoint.secret_rotated', targetType: 'webhook_endpoint', targetId: before.id, after: { previousSecretExpiresAt } });
    return after!;
  });
  return { endpoint, secret };
}

/** The secrets a delivery made at `now` is signed with: the current one, and the previous one while it lasts. */
export function signingSecrets(endpoint: Pick<WebhookEndpoint, 'secretCiphertext' | 'previousSecretCiphertext' | 'previousSecretExpiresAt'>, now: Date): string[] {
  const secrets = [unseal(endpoint.secretCiphertext)];
  if (endpoint.previousSecretCiphertext && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now) secrets.push(unseal(endpoint.previousSecretCiphertext));
  return secrets;
}
