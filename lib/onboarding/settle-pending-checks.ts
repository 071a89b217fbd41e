import { and, asc, eq, gt, lte, or } from 'drizzle-orm';
import { getDb } from '@/db';
import { partners, registrations, type Registration } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import type { BusinessType } from '@/lib/kyc/validators/pan';
import { logger } from '@/lib/log/logger';
import { safeErrorStack } from '@/lib/log/safe-error';
import { kycProviderFor } from '@/lib/providers/kyc';
import { runStep } from './step';

const askAgainAfterMs = 30_000;

/**
 * The worker asks the provider again about PAN and GST checks it left pending, once they are 30 seconds old
 * and on each pass after that until they settle, and records the answer as the step would have (events
 * included). Registrations past their lifetime are left alone: they are over, and their steps would be refused.
 * Each registration is settled on its own, so one that fails holds up neither the others nor the rest of the
 * worker's round (expiries and housekeeping come after this). The least recently touched go first, and a
 * failure touches its registration, so registrations the provider keeps failing on cannot crowd out the rest.
 */
export async function settlePendingChecks(now = new Date()): Promise<number> {
  const due = new Date(now.getTime() - askAgainAfterMs);
  const rows = await getDb()
    .select({ registration: registrations, kind: partners.kind })
    .from(registrations)
    .innerJoin(partners, eq(partners.id, registrations.partnerId))
    .where(
      and(
        eq(registrations.status, 'pending'),
        gt(registrations.expiresAt, now),
        or(and(eq(registrations.panStatus, 'pending'), lte(registrations.panCheckedAt, due)), and(eq(registrations.gstStatus, 'pending'), lte(registrations.gstCheckedAt, due))),
      ),
    )
    .orderBy(asc(registrations.updatedAt))
    .limit(50);
  for (const { registration, kind } of rows) {
    try {
      await settleOne(registration, kind, now);
    } catch (error) {
      logger.error('settling a pending KYC check failed', { registration_id: registration.id, error: safeErrorStack(error) });
      await getDb().update(registrations).set({ updatedAt: now }).where(eq(registrations.id, registration.id));
    }
  }
  return rows.length;
}

async function settleOne(r: Registration, kind: 'live' | 'sandbox', now: Date) {
  const provider = kycProviderFor(kind);
  await runStep({ ...systemCtx, partnerId: r.partnerId }, r.id, { action: 'registration.pending_check_settled' }, async (_tx, current) => {
    if (current.panStatus === 'pending' && current.pan && current.businessType) {
      const result = await provider.verifyPan({ pan: current.pan, businessType: current.businessType as BusinessType, name: current.name, firstCheckedAt: current.panCheckedAt ?? now });
      if (result.status === 'pending') return { change: {} };
      return {
        change: { kycProvider: provider.name, panStatus: result.status, panRegisteredName: result.status === 'verified' ? result.registeredName : null, panFailureReason: result.status === 'failed' ? result.reason : null },
        audit: { pan_status: result.status },
      };
    }
    if (current.gstStatus === 'pending' && current.gstin) {
      const result = await provider.verifyGstin({ gstin: current.gstin, panRegisteredName: current.panRegisteredName ?? undefined, firstCheckedAt: current.gstCheckedAt ?? now });
      if (result.status === 'pending') return { change: {} };
      return {
        change: { kycProvider: provider.name, gstStatus: result.status, gstLegalName: result.status === 'verified' ? result.legalName : null, gstFailureReason: result.status === 'failed' ? result.reason : null },
        audit: { gst_status: result.status },
      };
    }
    return { change: {} };
  });
}
