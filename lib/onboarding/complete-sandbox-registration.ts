import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { otpCodes } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { AppError } from '@/lib/errors/app-error';
import { businessTypes } from '@/lib/kyc/validators/pan';
import { kycSimulator } from '@/lib/providers/kyc';
import { acceptRegistration } from './accept-registration';
import { partnerKind } from './registration-access';
import { runStep } from './step';

/** A 1×1 transparent PNG: the signature a simulated acceptance carries. */
const simulatedSignature = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/**
 * Sandboxes only: completes every remaining step with simulated KYC (a verified PAN matching the business
 * type, a verified Aadhaar ending 0000, GST skipped) and accepts, so partners can make test clients in one
 * call. A live registration can never take this path: live clients exist only after real KYC.
 */
export async function completeSandboxRegistration(ctx: PartnerCtx, registrationId: string) {
  if ((await partnerKind(getDb(), ctx.partnerId)) !== 'sandbox') {
    throw new AppError('forbidden', 'Simulated KYC is only available in test mode (sk_test_ keys or the console’s Test switch).');
  }
  await runStep(ctx, registrationId, { action: 'registration.kyc_simulated' }, async (tx, r) => {
    const now = new Date();
    await tx.update(otpCodes).set({ verifiedAt: now }).where(eq(otpCodes.registrationId, r.id));
    const businessType = (r.businessType as keyof typeof businessTypes | null) ?? 'proprietorship';
    return {
      change: {
        kycProvider: kycSimulator.name,
        emailVerifiedAt: r.emailVerifiedAt ?? now,
        mobileVerifiedAt: r.mobileVerifiedAt ?? now,
        businessType,
        ...(r.panStatus === 'verified' ? {} : { pan: `ABC${businessTypes[businessType].panType}S1234K`, panStatus: 'verified' as const, panRegisteredName: r.name.toUpperCase(), panFailureReason: null }),
        ...(r.aadhaarStatus === 'verified' ? {} : { aadhaarLast4: '0000', aadhaarReference: 'simref_sandbox', aadhaarStatus: 'verified' as const, aadhaarFailureReason: null }),
        ...(r.gstStatus === 'verified' || r.gstStatus === 'skipped' ? {} : { gstStatus: 'skipped' as const, gstSkipReason: 'Simulated KYC in test mode', gstin: null, gstFailureReason: null }),
      },
      audit: { simulated: true },
    };
  });
  return acceptRegistration(ctx, registrationId, { signature: simulatedSignature });
}

