import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { messages } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { setClientStatus } from '@/lib/clients/manage-clients';
import { unseal } from '@/lib/crypto/secret-box';
import { verhoeffCheckDigit } from '@/lib/kyc/validators/aadhaar';
import type { BusinessType } from '@/lib/kyc/validators/pan';
import { gstinCheckCharacter } from '@/lib/kyc/validators/gstin';
import { acceptRegistration } from '@/lib/onboarding/accept-registration';
import { createRegistration } from '@/lib/onboarding/create-registration';
import { sendRegistrationAadhaarOtp, skipRegistrationGst, verifyRegistrationAadhaarOtp, verifyRegistrationGst, verifyRegistrationPan } from '@/lib/onboarding/kyc-steps';
import { verifyRegistrationOtp } from '@/lib/onboarding/verify-otp';
import { sandboxAadhaarOtp } from '@/lib/providers/kyc/kyc-simulator';

/** A demo client, taken as far through onboarding as its status needs. */
export type DemoClient = {
  name: string;
  email: string;
  mobile: string;
  status: 'active' | 'inactive' | 'pending';
  /** The business PAN; its 4th character says the business type (C company, F firm, P proprietorship). */
  pan: string;
  businessType: BusinessType;
  /** The first 11 digits of the owner's Aadhaar number; the check digit is computed. */
  aadhaar11: string;
  /** With a GSTIN (built from the PAN), or skipped with this reason. */
  gst: 'verify' | { skip: string };
};

/** A 1×1 PNG: the demo's signatures. */
const signature = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** The code last sent to a recipient, read from the outbox as a person running the demo would. */
async function codeSentTo(partnerId: string, recipient: string): Promise<string> {
  const [message] = await getDb().select({ sealedBody: messages.sealedBody }).from(messages).where(and(eq(messages.partnerId, partnerId), eq(messages.recipient, recipient))).orderBy(desc(messages.id)).limit(1);
  const code = /\b(\d{6})\b/.exec(message?.sealedBody ? unseal(message.sealedBody) : '')?.[1];
  if (!code) throw new Error(`No code was sent to ${recipient}.`);
  return code;
}

/**
 * Onboards a demo client through the real journey, against the KYC simulator: registration, both OTPs (read from
 * the outbox), PAN, Aadhaar OTP, GST and a signed acceptance, so it has the KYC record, owner and trail of any
 * real client. Its owner signs in with `password`. A pending one stops before its Aadhaar, as if it had left
 * halfway; an inactive one is deactivated afterwards.
 */
export async function onboardDemoClient(ctx: PartnerCtx, client: DemoClient, password: string) {
  const registration = await createRegistration(ctx, { name: client.name, email: client.email, mobile: client.mobile, country_code: '+91', password }, { source: 'console' });
  const id = registration.id;
  await verifyRegistrationOtp(ctx, id, { email_otp: await codeSentTo(ctx.partnerId, registration.email), mobile_otp: await codeSentTo(ctx.partnerId, registration.mobile) });
  await verifyRegistrationPan(ctx, id, { pan: client.pan, business_type: client.businessType });
  if (client.status === 'pending') return { registrationId: id, clientId: null };
  const sent = await sendRegistrationAadhaarOtp(ctx, id, { aadhaar_number: `${client.aadhaar11}${verhoeffCheckDigit(client.aadhaar11)}` });
  await verifyRegistrationAadhaarOtp(ctx, id, { otp: sandboxAadhaarOtp, reference: sent.kyc.aadhaar.reference ?? '' });
  if (client.gst === 'verify') {
    const first14 = `27${client.pan}1Z`;
    await verifyRegistrationGst(ctx, id, { gstin: `${first14}${gstinCheckCharacter(first14)}` });
  } else {
    await skipRegistrationGst(ctx, id, { reason: client.gst.skip });
  }
  const accepted = await acceptRegistration(ctx, id, { signature });
  if (client.status === 'inactive') await setClientStatus(ctx, { clientId: accepted.client_id ?? '', status: 'inactive', reason: 'Paused at the client’s request (demo data)' });
  return { registrationId: id, clientId: accepted.client_id };
}
