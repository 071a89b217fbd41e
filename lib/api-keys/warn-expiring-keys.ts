import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import { getDb } from '@/db';
import { apiKeys } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { queueTemplatedEmail } from '@/lib/email-templates/queue-templated-email';
import { emitEvent } from '@/lib/events/emit-event';
import { adminRecipients } from '@/lib/team/admin-recipients';
import { partnerHomeUrl } from '@/lib/tenancy/partner-home-url';

/** How long before an API key expires its partner is warned. */
export const keyWarningMs = 7 * 86_400_000;

const utc = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * The worker's sweep of API keys that expire within seven days: each is announced once (`api_key.expiring`
 * and an e-mail to the partner's owners and admins, in the partner's brand) so a new key can be put in place
 * before calls start failing with `api_key_expired`. Revoked keys are left alone; SKIP LOCKED lets workers share.
 */
export async function warnExpiringApiKeys(now: Date = new Date(), limit = 100): Promise<number> {
  return getDb().transaction(async (tx) => {
    const due = await tx
      .select()
      .from(apiKeys)
      .where(and(isNull(apiKeys.revokedAt), isNull(apiKeys.expiryWarnedAt), gt(apiKeys.expiresAt, now), lte(apiKeys.expiresAt, new Date(now.getTime() + keyWarningMs))))
      .limit(limit)
      .for('update', { skipLocked: true });
    for (const key of due) {
      await tx.update(apiKeys).set({ expiryWarnedAt: now }).where(eq(apiKeys.id, key.id));
      const expiresAt = key.expiresAt!;
      const daysLeft = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 86_400_000));
      const data = { api_key: { id: key.id, name: key.name, mode: key.mode, prefix: key.displayPrefix }, expires_at: expiresAt.toISOString(), days_left: daysLeft };
      await emitEvent(tx, key.partnerId, 'api_key.expiring', data);
      await recordAudit(tx, systemCtx, { partnerId: key.partnerId, action: 'api_key.expiry_warned', targetType: 'api_key', targetId: key.id, after: { expires_at: expiresAt.toISOString() } });
      const { emails } = await adminRecipients(tx, key.partnerId);
      const url = await partnerHomeUrl(tx, key.partnerId, '/developers');
      for (const to of emails) {
        await queueTemplatedEmail(tx, { partnerId: key.partnerId, to, type: 'api_key_expiring', values: { 'key.name': key.name, 'key.prefix': key.displayPrefix, 'key.mode': key.mode === 'test' ? 'test mode' : 'live', 'key.expires_at': utc(expiresAt), 'key.days_left': String(daysLeft), 'link.url': url } });
      }
    }
    return due.length;
  });
}
