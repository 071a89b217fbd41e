import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { clients } from '@/db/schema';
import { completeSandboxRegistration } from '@/lib/onboarding/complete-sandbox-registration';
import { createRegistration } from '@/lib/onboarding/create-registration';
import { ensureSandbox } from '@/lib/partners/sandbox';
import { makePartner, systemFor, uniqueEmail } from '@/test/factories';
import { pendingClientOnboarding } from './client-onboarding';
import { seedClient } from './seed-client';

const mobile = () => `98${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

describe('a pending client', () => {
  it('offers a start, then the registration under way, and becomes active itself when onboarding is accepted', async () => {
    const sandboxId = await ensureSandbox((await makePartner('pending')).id);
    const ctx = systemFor(sandboxId);
    const email = uniqueEmail('pending');
    const pending = await seedClient(ctx, { name: 'Delta Dental', email, status: 'pending' });
    expect(await pendingClientOnboarding(ctx, pending)).toEqual({ kind: 'start' });

    // Its own e-mail may register: the registration is this client's onboarding, not a duplicate.
    const registration = await createRegistration(ctx, { name: 'Delta Dental Clinic', email, mobile: mobile(), password: 'client-pass-2024' }, { source: 'console' });
    expect(await pendingClientOnboarding(ctx, pending)).toEqual({ kind: 'continue', registrationId: registration.id, nextStep: 'verify_otp' });

    const accepted = await completeSandboxRegistration(ctx, registration.id);
    expect(accepted.client_id).toBe(pending.id);
    const same = await getDb().select().from(clients).where(and(eq(clients.partnerId, sandboxId), eq(clients.email, email)));
    expect(same).toHaveLength(1);
    expect(same[0]).toMatchObject({ id: pending.id, status: 'active', name: 'Delta Dental Clinic' });
  });

  it('does not open the door for an active client’s e-mail', async () => {
    const ctx = systemFor(await ensureSandbox((await makePartner('pending')).id));
    const email = uniqueEmail('active');
    await seedClient(ctx, { name: 'Active Co', email, status: 'active' });
    await expect(createRegistration(ctx, { name: 'Active Co', email, mobile: mobile(), password: 'client-pass-2024' }, { source: 'console' })).rejects.toThrow('already exists');
  });
});
