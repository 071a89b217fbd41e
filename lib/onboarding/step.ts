import { eq } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { registrations, type Registration } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { emitEvent } from '@/lib/events/emit-event';
import { otpLocksFor } from './otp';
import { assertOpen, lockRegistration } from './registration-access';
import { kycComplete, registrationView, type Requirement } from './requirements';

type StepResult = { change: Partial<typeof registrations.$inferInsert>; audit?: Record<string, unknown>; refusal?: AppError };

/**
 * Runs one onboarding step on an open registration, in one transaction: lock it, check the steps before it are
 * done, apply the change, record the audit entry, and announce KYC completion the moment it happens. A refusal
 * (a failed check that must still be saved, like a counted wrong code) is thrown after the commit.
 */
export async function runStep(
  ctx: PartnerCtx,
  registrationId: string,
  step: { action: string; needs?: Requirement[] },
  apply: (tx: Tx, registration: Registration) => Promise<StepResult>,
) {
  requirePartnerRole(ctx, 'member');
  const outcome = await getDb().transaction(async (tx) => {
    const before = await lockRegistration(tx, ctx, registrationId);
    assertOpen(before);
    assertDone(before, step.needs ?? []);
    const { change, audit, refusal } = await apply(tx, before);
    let after = before;
    if (Object.keys(change).length) {
      [after] = (await tx.update(registrations).set(change).where(eq(registrations.id, before.id)).returning()) as [Registration];
    }
    if (!refusal && (audit || Object.keys(change).length)) await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: step.action, targetType: 'registration', targetId: before.id, after: audit ?? null });
    if (!before.kycSubmittedAt && kycComplete(after)) {
      [after] = (await tx.update(registrations).set({ kycSubmittedAt: new Date() }).where(eq(registrations.id, before.id)).returning()) as [Registration];
      await emitEvent(tx, ctx.partnerId, 'client.kyc_submitted', { registration: { id: after.id, name: after.name, email: after.email, business_type: after.businessType } });
    }
    return { after, refusal, otpLocks: await otpLocksFor(tx, after.id) };
  });
  if (outcome.refusal) throw outcome.refusal;
  return registrationView(outcome.after, outcome.otpLocks);
}

const stepNames: Record<Requirement, string> = {
  email_otp: 'Verify the e-mail code',
  mobile_otp: 'Verify the mobile code',
  pan: 'Verify the PAN',
  aadhaar: 'Verify the Aadhaar OTP',
  gst: 'Verify or skip GST',
  signature: 'Sign',
};

/** Steps run in order; say which earlier one is still open. */
function assertDone(r: Registration, needs: Requirement[]) {
  const open = needs.filter((need) => {
    if (need === 'email_otp') return !r.emailVerifiedAt;
    if (need === 'mobile_otp') return !r.mobileVerifiedAt;
    if (need === 'pan') return r.panStatus !== 'verified';
    if (need === 'aadhaar') return r.aadhaarStatus !== 'verified';
    if (need === 'gst') return r.gstStatus !== 'verified' && r.gstStatus !== 'skipped';
    return !r.acceptedAt;
  });
  if (open.length) throw new AppError('conflict', `Finish the earlier step first: ${open.map((o) => stepNames[o]).join(', ')}.`);
}
