import { describe, expect, it } from 'vitest';
import { seedClient } from '@/lib/clients/seed-client';
import { AppError } from '@/lib/errors/app-error';
import { makePartner, systemFor, uniqueEmail } from '@/test/factories';
import { createMaskingSession, getMaskingSession, updateMaskingSession } from './sessions';
import { addPoolNumbers } from './test-pool';

const party = () => `+9197${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
const codeOf = (error: unknown) => (error instanceof AppError ? error.code : String(error));

async function setup(poolSize: number) {
  const partner = await makePartner('swap');
  const ctx = systemFor(partner.id);
  const client = await seedClient(ctx, { name: 'Swap Co', email: uniqueEmail('swap'), status: 'active' });
  await addPoolNumbers({ partnerId: partner.id, clientId: client.id, environment: 'live', count: poolSize });
  return { ctx, client };
}

describe('changing a masking session’s parties at the same time', () => {
  it('applies simultaneous swaps of the same session one after the other, never a 500', async () => {
    const { ctx, client } = await setup(1);
    const { session } = await createMaskingSession(ctx, { client_id: client.id, first_party: party(), second_party: party() });
    const swaps = Array.from({ length: 6 }, () => party());
    const results = await Promise.allSettled(swaps.map((to, i) => updateMaskingSession(ctx, session.id, i % 2 ? { second_party: to } : { first_party: to })));
    // The session's row lock orders them: each swap applies to what the one before left.
    expect(results.map((r) => r.status)).toEqual(Array(6).fill('fulfilled'));
    const after = await getMaskingSession(ctx, session.id);
    expect(swaps.filter((_, i) => i % 2 === 0)).toContain(after.firstParty);
    expect(swaps.filter((_, i) => i % 2 === 1)).toContain(after.secondParty);
  });

  it('lets one of two sessions on the same number take the same new party; the other gets 409 party_in_use', async () => {
    const { ctx, client } = await setup(1);
    const one = await createMaskingSession(ctx, { client_id: client.id, first_party: party(), second_party: party() });
    const two = await createMaskingSession(ctx, { client_id: client.id, first_party: party(), second_party: party() });
    const newcomer = party();
    for (let round = 0; round < 3; round++) {
      const target = party();
      const results = await Promise.allSettled([updateMaskingSession(ctx, one.session.id, { first_party: round ? target : newcomer }), updateMaskingSession(ctx, two.session.id, { first_party: round ? target : newcomer })]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(codeOf(rejected.reason)).toBe('party_in_use');
      expect(rejected.reason.fieldErrors).toHaveProperty('first_party');
    }
  });
});
