import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { registrations } from '@/db/schema';
import { logger } from '@/lib/log/logger';
import { ensureSandbox } from '@/lib/partners/sandbox';
import { kycSimulator } from '@/lib/providers/kyc';
import { makePartner, systemFor, uniqueEmail } from '@/test/factories';
import { createRegistration } from './create-registration';
import { verifyRegistrationPan } from './kyc-steps';
import { sandboxOtp } from './otp';
import { expireStaleRegistrations, getRegistration } from './registration-queries';
import { settlePendingChecks } from './settle-pending-checks';
import { verifyRegistrationOtp } from './verify-otp';

const uniqueMobile = () => `9${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

/** A sandbox registration whose PAN check the simulator left pending (a PAN with the digits 9999), asked two minutes ago. */
async function pendingPanCheck(pan = 'ABCPE9999F') {
  const ctx = systemFor(await ensureSandbox((await makePartner('settle')).id));
  const r = await createRegistration(ctx, { name: 'Ravi Kumar', email: uniqueEmail('ravi'), mobile: uniqueMobile(), password: 'correct-horse-9' }, { source: 'api' });
  await verifyRegistrationOtp(ctx, r.id, { email_otp: sandboxOtp, mobile_otp: sandboxOtp });
  expect((await verifyRegistrationPan(ctx, r.id, { pan, business_type: 'proprietorship' })).kyc.pan.status).toBe('pending');
  await getDb().update(registrations).set({ panCheckedAt: minutesAgo(2) }).where(eq(registrations.id, r.id));
  return { ctx, id: r.id };
}

afterEach(() => vi.restoreAllMocks());

describe('the worker’s pending KYC checks', () => {
  it('settles a PAN check the provider left pending, so the registration moves on by itself', async () => {
    const { ctx, id } = await pendingPanCheck();
    await settlePendingChecks();
    const after = await getRegistration(ctx, id);
    expect(after.kyc.pan).toMatchObject({ status: 'verified', registered_name: 'RAVI KUMAR' });
    expect(after.requirements.next_step).toBe('send_aadhaar_otp');
  });

  it('leaves a registration past its lifetime alone without failing the round, and the round then expires it', async () => {
    const expired = await pendingPanCheck();
    const open = await pendingPanCheck();
    await getDb().update(registrations).set({ expiresAt: minutesAgo(1) }).where(eq(registrations.id, expired.id));

    const logged = vi.spyOn(logger, 'error');
    await expect(settlePendingChecks()).resolves.toBeGreaterThanOrEqual(1);
    // Not even tried: an attempt would fail on the expired registration and be logged.
    expect(logged).not.toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ registration_id: expired.id }));
    expect((await getRegistration(open.ctx, open.id)).kyc.pan.status).toBe('verified');
    expect((await getRegistration(expired.ctx, expired.id)).kyc.pan.status).toBe('pending');

    // What the worker does next in the same round: stale registrations are marked expired.
    await expireStaleRegistrations();
    const [row] = await getDb().select({ status: registrations.status }).from(registrations).where(eq(registrations.id, expired.id));
    expect(row?.status).toBe('expired');
  });

  it('carries on with the other registrations when the provider fails on one', async () => {
    const broken = await pendingPanCheck('ABCPE9999G');
    const fine = await pendingPanCheck();
    const verifyPan = kycSimulator.verifyPan.bind(kycSimulator);
    vi.spyOn(kycSimulator, 'verifyPan').mockImplementation(async (input) => {
      if (input.pan === 'ABCPE9999G') throw new Error('provider unreachable');
      return verifyPan(input);
    });
    const round = new Date(Date.now() + 1000);
    await expect(settlePendingChecks(round)).resolves.toBeGreaterThanOrEqual(2);
    expect((await getRegistration(fine.ctx, fine.id)).kyc.pan.status).toBe('verified');
    expect((await getRegistration(broken.ctx, broken.id)).kyc.pan.status).toBe('pending');
    // The failed one goes to the back of the queue for the next round.
    const [row] = await getDb().select({ updatedAt: registrations.updatedAt }).from(registrations).where(eq(registrations.id, broken.id));
    expect(row?.updatedAt).toEqual(round);
  });
});

describe('stale registrations', () => {
  it('expire once past their lifetime, and open ones stay pending', async () => {
    const stale = await pendingPanCheck();
    const current = await pendingPanCheck();
    await getDb().update(registrations).set({ expiresAt: minutesAgo(1) }).where(eq(registrations.id, stale.id));
    expect(await expireStaleRegistrations()).toBeGreaterThanOrEqual(1);
    const statuses = await getDb().select({ id: registrations.id, status: registrations.status }).from(registrations).where(eq(registrations.partnerId, stale.ctx.partnerId));
    expect(statuses).toEqual([{ id: stale.id, status: 'expired' }]);
    expect((await getRegistration(current.ctx, current.id)).status).toBe('pending');
    // An expired registration takes no more steps.
    await expect(verifyRegistrationPan(stale.ctx, stale.id, { pan: 'ABCPE1234F', business_type: 'proprietorship' })).rejects.toThrow(/has expired/);
  });
});
