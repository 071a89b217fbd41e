import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { clients, events, otpCodes, registrations } from '@/db/schema';
import { AppError } from '@/lib/errors/app-error';
import { verhoeffCheckDigit } from '@/lib/kyc/validators/aadhaar';
import { gstinCheckCharacter } from '@/lib/kyc/validators/gstin';
import { listPartnerOutbox } from '@/lib/messages/list-outbox';
import { ensureSandbox } from '@/lib/partners/sandbox';
import { sandboxAadhaarOtp } from '@/lib/providers/kyc/kyc-simulator';
import { makePartner, systemFor, uniqueEmail } from '@/test/factories';
import { acceptRegistration } from './accept-registration';
import { completeSandboxRegistration } from './complete-sandbox-registration';
import { createRegistration } from './create-registration';
import { sendRegistrationAadhaarOtp, skipRegistrationGst, verifyRegistrationAadhaarOtp, verifyRegistrationGst, verifyRegistrationPan } from './kyc-steps';
import { otpPolicy, sandboxOtp } from './otp';
import { createPromoCode } from './promo-codes';
import { getRegistration } from './registration-queries';
import { resendRegistrationOtp, verifyRegistrationOtp } from './verify-otp';

const signature = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const aadhaar = (first11: string) => `${first11}${verhoeffCheckDigit(first11)}`;
/** A valid Indian mobile number nobody else in the database has. */
const uniqueMobile = () => `9${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;

async function sandboxCtx() {
  const live = await makePartner('onb');
  return systemFor(await ensureSandbox(live.id));
}

async function register(ctx: Awaited<ReturnType<typeof sandboxCtx>>) {
  return createRegistration(ctx, { name: 'Priya Sharma', email: uniqueEmail('priya'), mobile: uniqueMobile(), country_code: '+91', password: 'correct-horse-9' }, { source: 'api' });
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('registration', () => {
  it('normalises the mobile to E.164, sends codes by e-mail and SMS, and says what is due next', async () => {
    const ctx = await sandboxCtx();
    const mobile = uniqueMobile();
    const registration = await createRegistration(ctx, { name: 'Priya', email: uniqueEmail(), mobile: `0${mobile}`, country_code: '91', password: 'correct-horse-9' }, { source: 'api' });
    expect(registration.mobile).toBe(`+91${mobile}`);
    expect(registration.requirements.next_step).toBe('verify_otp');
    expect(registration.requirements.currently_due).toEqual(['email_otp', 'mobile_otp', 'pan', 'aadhaar', 'gst', 'signature']);
    const outbox = await listPartnerOutbox(ctx);
    expect(outbox.filter((m) => m.recipient === registration.email || m.recipient === registration.mobile).map((m) => m.channel).sort()).toEqual(['email', 'sms']);
  });

  it('refuses bad input field by field, and duplicates within the partner', async () => {
    const ctx = await sandboxCtx();
    const error = await rejection(createRegistration(ctx, { name: '', email: 'nope', mobile: '12', country_code: '+91', password: 'short' }, { source: 'api' }));
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(['email', 'mobile', 'name', 'password']);
    const first = await register(ctx);
    const duplicate = await rejection(createRegistration(ctx, { name: 'X', email: first.email, mobile: uniqueMobile(), password: 'correct-horse-9' }, { source: 'api' }));
    expect(duplicate.fieldErrors?.email).toMatch(/already in progress/);
    expect((await rejection(createRegistration(ctx, { name: 'X', email: uniqueEmail(), mobile: first.mobile, password: 'correct-horse-9' }, { source: 'api' }))).fieldErrors?.mobile).toMatch(/already in progress/);
    expect((await rejection(createRegistration(ctx, { name: 'X', email: uniqueEmail(), mobile: uniqueMobile(), password: 'correct-horse-9', promo: 'NOPE' }, { source: 'api' }))).fieldErrors?.promo).toMatch(/not valid/);
  });

  it('refuses the mobile number of an existing client, on the mobile field, but not another partner’s', async () => {
    const ctx = await sandboxCtx();
    const onboarded = await register(ctx);
    await completeSandboxRegistration(ctx, onboarded.id);
    const local = onboarded.mobile.replace(/^\+91/, '');
    const refused = await rejection(createRegistration(ctx, { name: 'Someone else', email: uniqueEmail(), mobile: local, password: 'correct-horse-9' }, { source: 'api' }));
    expect(refused.code).toBe('conflict');
    expect(refused.fieldErrors).toEqual({ mobile: 'A client with this mobile number already exists.' });
    const elsewhere = await sandboxCtx();
    expect((await createRegistration(elsewhere, { name: 'Same person', email: uniqueEmail(), mobile: local, password: 'correct-horse-9' }, { source: 'api' })).status).toBe('pending');
  });
});

describe('promo codes', () => {
  it('accepts a code the live partner defined, also in its sandbox, and refuses expired or unknown ones', async () => {
    const live = await makePartner('promo');
    const sandbox = systemFor(await ensureSandbox(live.id));
    await createPromoCode(systemFor(live.id), { code: 'welcome10', description: '10% off' });
    await createPromoCode(systemFor(live.id), { code: 'OLD', expiresAt: '2020-01-01' });
    const r = await createRegistration(sandbox, { name: 'P', email: uniqueEmail(), mobile: uniqueMobile(), password: 'correct-horse-9', promo: 'Welcome10' }, { source: 'api' });
    expect(r.promo).toBe('WELCOME10');
    const expired = await rejection(createRegistration(sandbox, { name: 'P', email: uniqueEmail(), mobile: uniqueMobile(), password: 'correct-horse-9', promo: 'OLD' }, { source: 'api' }));
    expect(expired.fieldErrors?.promo).toMatch(/not valid/);
    expect((await rejection(createPromoCode(systemFor(live.id), { code: 'WELCOME10' }))).fieldErrors?.code).toMatch(/already exists/);
  });
});

describe('OTP', () => {
  it('verifies both codes (the fixed sandbox code), and opens KYC', async () => {
    const ctx = await sandboxCtx();
    const r = await register(ctx);
    const after = await verifyRegistrationOtp(ctx, r.id, { email_otp: sandboxOtp, mobile_otp: sandboxOtp });
    expect(after.email_verified && after.mobile_verified).toBe(true);
    expect(after.requirements.next_step).toBe('verify_pan');
    const [event] = await getDb().select().from(events).where(and(eq(events.partnerId, ctx.partnerId), eq(events.type, 'registration.otp_verified')));
    expect(event).toBeTruthy();
  });

  it('counts wrong codes, locks after five until a new code is sent', async () => {
    const ctx = await sandboxCtx();
    const r = await register(ctx);
    for (let i = 1; i <= otpPolicy.maxFailedAttempts; i++) {
      const error = await rejection(verifyRegistrationOtp(ctx, r.id, { email_otp: '000000' }));
      expect(error.fieldErrors?.email_otp).toMatch(i < otpPolicy.maxFailedAttempts ? `${otpPolicy.maxFailedAttempts - i} attempt` : /locked/);
    }
    const locked = await rejection(verifyRegistrationOtp(ctx, r.id, { email_otp: sandboxOtp }));
    expect(locked.code).toBe('locked');
    // Anyone looking at the registration (the pending list, GET /registrations/{id}) sees why it is stuck.
    expect((await getRegistration(ctx, r.id)).requirements.errors).toEqual([{ requirement: 'email_otp', code: 'email_otp_locked', reason: expect.stringMatching(/locked/) }]);
    // The right code still works for the other channel, and a new e-mail code lifts the lock.
    await verifyRegistrationOtp(ctx, r.id, { mobile_otp: sandboxOtp });
    vi.useFakeTimers({ now: Date.now() + otpPolicy.resendCooldownMs + 1000, toFake: ['Date'] });
    try {
      await resendRegistrationOtp(ctx, r.id, { type: 'email' });
    } finally {
      vi.useRealTimers();
    }
    expect((await getRegistration(ctx, r.id)).requirements.errors).toEqual([]);
    const verified = await verifyRegistrationOtp(ctx, r.id, { email_otp: sandboxOtp });
    expect(verified.email_verified).toBe(true);
  });

  it('expires codes after ten minutes', async () => {
    const ctx = await sandboxCtx();
    const r = await register(ctx);
    await getDb().update(otpCodes).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(otpCodes.registrationId, r.id));
    expect((await rejection(verifyRegistrationOtp(ctx, r.id, { mobile_otp: sandboxOtp }))).fieldErrors?.mobile_otp).toMatch(/expired/);
  });

  it('treats a registration past its lifetime as expired before the worker marks it', async () => {
    const ctx = await sandboxCtx();
    const r = await register(ctx);
    await getDb().update(registrations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(registrations.id, r.id));
    expect((await getRegistration(ctx, r.id)).status).toBe('expired');
    const refused = await rejection(verifyRegistrationOtp(ctx, r.id, { email_otp: sandboxOtp, mobile_otp: sandboxOtp }));
    expect(refused.message).toBe('This registration has expired.');
  });

  it('resends by type, each channel at most once a minute, and never a verified one', async () => {
    const ctx = await sandboxCtx();
    const r = await register(ctx);
    const tooSoon = await rejection(resendRegistrationOtp(ctx, r.id, { type: 'both' }));
    expect(tooSoon.code).toBe('rate_limited');
    expect(tooSoon.headers?.['Retry-After']).toMatch(/^\d+$/);
    await getDb().update(otpCodes).set({ sentAt: new Date(Date.now() - otpPolicy.resendCooldownMs - 1) }).where(eq(otpCodes.registrationId, r.id));
    const before = (await listPartnerOutbox(ctx, { recipient: r.mobile })).length;
    await resendRegistrationOtp(ctx, r.id, { type: 'mobile' });
    expect((await listPartnerOutbox(ctx, { recipient: r.mobile })).length).toBe(before + 1);
    await verifyRegistrationOtp(ctx, r.id, { email_otp: sandboxOtp, mobile_otp: sandboxOtp });
    expect((await rejection(resendRegistrationOtp(ctx, r.id, { type: 'both' }))).code).toBe('conflict');
  });

  it('caps the codes a registration is sent in total, past the cool-down, with a clear refusal', async () => {
    const ctx = await sandboxCtx();
    const r = await register(ctx);
    const outOfCooldown = () => getDb().update(otpCodes).set({ sentAt: new Date(Date.now() - otpPolicy.resendCooldownMs - 1) }).where(eq(otpCodes.registrationId, r.id));
    for (let i = 0; i < otpPolicy.maxResends; i++) {
      await outOfCooldown();
      await resendRegistrationOtp(ctx, r.id, { type: i % 2 ? 'email' : 'mobile' });
    }
    await outOfCooldown();
    const before = (await listPartnerOutbox(ctx, { recipient: r.mobile })).length;
    const capped = await rejection(resendRegistrationOtp(ctx, r.id, { type: 'mobile' }));
    expect(capped.code).toBe('otp_resend_limit');
    expect(capped.message).toMatch(/No more codes can be sent for this registration.*register again/);
    expect((await listPartnerOutbox(ctx, { recipient: r.mobile })).length).toBe(before);
    // The Aadhaar OTP counts against the same cap: the first is free, the next would be a resend.
    await verifyRegistrationOtp(ctx, r.id, { email_otp: sandboxOtp, mobile_otp: sandboxOtp });
    await verifyRegistrationPan(ctx, r.id, { pan: 'ABCPE1234F', business_type: 'individual' });
    await sendRegistrationAadhaarOtp(ctx, r.id, { aadhaar_number: aadhaar('23456789012') });
    expect((await rejection(sendRegistrationAadhaarOtp(ctx, r.id, { aadhaar_number: aadhaar('23456789012') }))).code).toBe('otp_resend_limit');
  });
});

describe('KYC', () => {
  async function otpDone() {
    const ctx = await sandboxCtx();
    const r = await register(ctx);
    await verifyRegistrationOtp(ctx, r.id, { email_otp: sandboxOtp, mobile_otp: sandboxOtp });
    return { ctx, r };
  }

  it('runs PAN, Aadhaar and GST in order, then accepts into an active client', async () => {
    const { ctx, r } = await otpDone();
    expect((await rejection(sendRegistrationAadhaarOtp(ctx, r.id, { aadhaar_number: aadhaar('23456789012') }))).message).toMatch(/earlier step/);
    const pan = await verifyRegistrationPan(ctx, r.id, { pan: 'abcpe1234f', business_type: 'proprietorship' });
    expect(pan.kyc.pan).toMatchObject({ status: 'verified', masked: 'ABXXXXXX4F' });
    const sent = await sendRegistrationAadhaarOtp(ctx, r.id, { aadhaar_number: aadhaar('23456789012') });
    expect(sent.kyc.aadhaar.status).toBe('otp_sent');
    expect((await rejection(verifyRegistrationAadhaarOtp(ctx, r.id, { otp: '654321', reference: sent.kyc.aadhaar.reference! }))).fieldErrors?.otp).toMatch(/does not match/);
    const afterWrongOtp = await getRegistration(ctx, r.id);
    expect(afterWrongOtp.requirements).toMatchObject({ next_step: 'verify_aadhaar_otp', errors: [{ requirement: 'aadhaar', code: 'aadhaar_otp_incorrect', reason: expect.stringMatching(/does not match/) }] });
    const verified = await verifyRegistrationAadhaarOtp(ctx, r.id, { otp: sandboxAadhaarOtp, reference: sent.kyc.aadhaar.reference! });
    expect(verified.kyc.aadhaar).toMatchObject({ status: 'verified', masked: `XXXX XXXX ${aadhaar('23456789012').slice(-4)}` });
    expect(verified.requirements.errors).toEqual([]);
    // The sandbox's checks are answered by the simulator, and the registration says so.
    expect(verified.kyc.provider).toBe('simulator');
    const wrongPan = `27AAACR5055K1Z${gstinCheckCharacter('27AAACR5055K1Z')}`;
    expect((await rejection(verifyRegistrationGst(ctx, r.id, { gstin: wrongPan }))).fieldErrors?.gstin).toMatch(/not the PAN you verified/);
    const gst = await verifyRegistrationGst(ctx, r.id, { gstin: `27ABCPE1234F1Z${gstinCheckCharacter('27ABCPE1234F1Z')}` });
    expect(gst.requirements).toMatchObject({ currently_due: ['signature'], next_step: 'accept' });
    // As the API reference says: a verified GSTIN carries the legal name from the PAN check.
    expect(gst.kyc.gst.legal_name).toBe(r.name.toUpperCase());
    expect(gst.kyc.gst.legal_name).toBe(pan.kyc.pan.registered_name);
    expect(gst.kyc.submitted_at).toBeTruthy();

    const accepted = await acceptRegistration(ctx, r.id, { signature });
    expect(accepted.status).toBe('completed');
    const [client] = await getDb().select().from(clients).where(eq(clients.id, accepted.client_id!));
    expect(client).toMatchObject({ status: 'active', email: r.email });
    const types = (await getDb().select({ type: events.type }).from(events).where(eq(events.partnerId, ctx.partnerId))).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['registration.created', 'registration.otp_verified', 'client.kyc_submitted', 'client.created']));
  });

  it('counts wrong Aadhaar OTPs, says how many tries are left, and locks the reference until a new OTP is sent', async () => {
    const { ctx, r } = await otpDone();
    await verifyRegistrationPan(ctx, r.id, { pan: 'ABCPE1234F', business_type: 'individual' });
    const sent = await sendRegistrationAadhaarOtp(ctx, r.id, { aadhaar_number: aadhaar('23456789012') });
    const reference = sent.kyc.aadhaar.reference!;
    for (let i = 1; i <= otpPolicy.maxFailedAttempts; i++) {
      const error = await rejection(verifyRegistrationAadhaarOtp(ctx, r.id, { otp: '654321', reference }));
      const left = otpPolicy.maxFailedAttempts - i;
      expect(error.fieldErrors?.otp).toMatch(left > 0 ? `${left} attempt${left === 1 ? '' : 's'} left` : /locked/);
      expect(error.code).toBe(left > 0 ? 'validation_failed' : 'locked');
    }
    // Locked: even the right OTP is refused, without asking the provider, and the registration says why.
    const locked = await rejection(verifyRegistrationAadhaarOtp(ctx, r.id, { otp: sandboxAadhaarOtp, reference }));
    expect(locked.code).toBe('locked');
    expect((await getRegistration(ctx, r.id)).requirements.errors).toEqual([{ requirement: 'aadhaar', code: 'aadhaar_otp_locked', reason: expect.stringMatching(/Send a new OTP/) }]);
    // A new OTP lifts the lock.
    const again = await sendRegistrationAadhaarOtp(ctx, r.id, { aadhaar_number: aadhaar('23456789012') });
    expect(again.requirements.errors).toEqual([]);
    const verified = await verifyRegistrationAadhaarOtp(ctx, r.id, { otp: sandboxAadhaarOtp, reference: again.kyc.aadhaar.reference! });
    expect(verified.kyc.aadhaar.status).toBe('verified');
  });

  it('explains PAN and GST refusals and simulator failures, and lets GST be skipped', async () => {
    const { ctx, r } = await otpDone();
    expect((await rejection(verifyRegistrationPan(ctx, r.id, { pan: 'ABCPE1234F', business_type: 'company' }))).fieldErrors?.pan).toMatch(/needs a PAN with “C”/);
    const failed = await verifyRegistrationPan(ctx, r.id, { pan: 'ABCPE0000F', business_type: 'individual' });
    expect(failed.requirements.errors).toEqual([{ requirement: 'pan', code: 'pan_check_failed', reason: expect.stringMatching(/No PAN/) }]);
    await verifyRegistrationPan(ctx, r.id, { pan: 'ABCPE1234F', business_type: 'individual' });
    const noMobile = await sendRegistrationAadhaarOtp(ctx, r.id, { aadhaar_number: aadhaar('93456789012') });
    expect(noMobile.requirements.errors).toEqual([{ requirement: 'aadhaar', code: 'aadhaar_check_failed', reason: expect.stringMatching(/No mobile number is linked/) }]);
    expect((await rejection(skipRegistrationGst(ctx, r.id, { reason: '' }))).fieldErrors?.reason).toBeTruthy();
    const skipped = await skipRegistrationGst(ctx, r.id, { reason: 'Below the GST threshold' });
    expect(skipped.kyc.gst).toMatchObject({ status: 'skipped', skip_reason: 'Below the GST threshold' });
  });

  it('refuses an acceptance before KYC is complete, and a signature that is not a PNG', async () => {
    const { ctx, r } = await otpDone();
    expect((await rejection(acceptRegistration(ctx, r.id, { signature }))).message).toMatch(/KYC is not complete: pan, aadhaar, gst/);
    expect((await rejection(acceptRegistration(ctx, r.id, { signature: 'data:image/png;base64,PHN2Zz48L3N2Zz4=' }))).fieldErrors?.signature).toMatch(/not a PNG/);
  });

  it('turns two concurrent accepts into exactly one client', async () => {
    // KYC done and only the signature left, so both accepts race to create the client.
    const { ctx, r } = await otpDone();
    await verifyRegistrationPan(ctx, r.id, { pan: 'ABCPE1234F', business_type: 'proprietorship' });
    const sent = await sendRegistrationAadhaarOtp(ctx, r.id, { aadhaar_number: aadhaar('23456789012') });
    await verifyRegistrationAadhaarOtp(ctx, r.id, { otp: sandboxAadhaarOtp, reference: sent.kyc.aadhaar.reference! });
    const ready = await skipRegistrationGst(ctx, r.id, { reason: 'Below the GST threshold' });
    expect(ready).toMatchObject({ status: 'pending', client_id: null, requirements: { next_step: 'accept' } });

    const both = await Promise.all([acceptRegistration(ctx, r.id, { signature }), acceptRegistration(ctx, r.id, { signature })]);
    expect(both.map((a) => a.status)).toEqual(['completed', 'completed']);
    expect(both[0].client_id).toMatch(/^cli_/);
    expect(both[1].client_id).toBe(both[0].client_id);
    const rows = await getDb().select().from(clients).where(and(eq(clients.partnerId, ctx.partnerId), eq(clients.email, r.email)));
    expect(rows).toHaveLength(1);
    const created = await getDb().select().from(events).where(and(eq(events.partnerId, ctx.partnerId), eq(events.type, 'client.created')));
    expect(created).toHaveLength(1);
  });

  it('lets a sandbox complete simulated KYC in one call, and never a live partner', async () => {
    const ctx = await sandboxCtx();
    const r = await register(ctx);
    expect((await completeSandboxRegistration(ctx, r.id)).status).toBe('completed');
    const live = systemFor((await makePartner('live')).id);
    const liveRegistration = await register(live);
    expect((await rejection(completeSandboxRegistration(live, liveRegistration.id))).code).toBe('forbidden');
    expect((await getRegistration(live, liveRegistration.id)).status).toBe('pending');
  });

  it("answers 404 for another partner's registration and changes nothing", async () => {
    const ctx = await sandboxCtx();
    const other = await sandboxCtx();
    const r = await register(ctx);
    for (const attempt of [
      () => getRegistration(other, r.id),
      () => verifyRegistrationOtp(other, r.id, { email_otp: sandboxOtp }),
      () => verifyRegistrationPan(other, r.id, { pan: 'ABCPE1234F', business_type: 'individual' }),
      () => acceptRegistration(other, r.id, { signature }),
    ]) {
      expect((await rejection(attempt())).code).toBe('not_found');
    }
    expect((await getRegistration(ctx, r.id)).email_verified).toBe(false);
  });
});

