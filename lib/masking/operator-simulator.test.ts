import { describe, expect, it } from 'vitest';
import type { Ctx } from '@/lib/audit/context';
import { seedClient } from '@/lib/clients/seed-client';
import { AppError } from '@/lib/errors/app-error';
import { addClientCredits } from '@/lib/ledger/client-credits';
import { creditPartner } from '@/lib/ledger/money-in';
import { systemCtx } from '@/lib/audit/context';
import { makePartner, makeStaff, systemFor, uniqueEmail } from '@/test/factories';
import { openSessionsForOperator, simulateCallAsOperator } from './operator-simulator';
import { createMaskingSession, getMaskingSession } from './sessions';
import { addPoolNumbers } from './test-pool';

const operator: Ctx = { actor: { type: 'operator', id: 'opr_simulator_test' } };
const party = () => `+9195${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
const codeOf = (error: unknown) => (error instanceof AppError ? error.code : String(error));

async function liveSession() {
  const partner = await makePartner('opsim');
  const ctx = systemFor(partner.id);
  const client = await seedClient(ctx, { name: 'Couriers Co', email: uniqueEmail('opsim'), status: 'active' });
  await addPoolNumbers({ partnerId: partner.id, clientId: client.id, environment: 'live', count: 1 });
  await creditPartner(systemCtx, { partnerId: partner.id, amount: '100000', reference: `UTR${Math.floor(Math.random() * 1e12)}` });
  await addClientCredits(ctx, { clientId: client.id, amount: '50000' });
  const first = party();
  const { session } = await createMaskingSession(ctx, { client_id: client.id, first_party: first, second_party: party() });
  return { partner, session, first };
}

describe('the operator console’s call simulator', () => {
  it('lists a partner’s open sessions with the parties masked, and bridges a call from the chosen party into billed legs', async () => {
    const { partner, session, first } = await liveSession();
    const listed = await openSessionsForOperator(operator, { partnerId: partner.id });
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: session.id, live: true, virtualNumber: session.virtualNumber });
    expect(listed[0]!.firstParty).not.toContain(first.slice(4, 10));
    const result = await simulateCallAsOperator(operator, { sessionId: session.id, from: 'second_party', duration_seconds: '65' });
    expect(result.legs).toHaveLength(2);
    expect(result.legs.every((leg) => leg.durationSeconds !== null && leg.chargeStatus === 'charged')).toBe(true);
    expect((await getMaskingSession(systemFor(partner.id), session.id)).totalCallCount).toBe(1);
  });

  it('is for operator staff only, and says which field is wrong or which session is unknown', async () => {
    const { partner, session } = await liveSession();
    const staff = await makeStaff(partner.id, 'owner');
    expect(codeOf(await openSessionsForOperator(staff.ctx).catch((e) => e))).toBe('forbidden');
    expect(codeOf(await simulateCallAsOperator(staff.ctx, { sessionId: session.id }).catch((e) => e))).toBe('forbidden');
    expect(codeOf(await simulateCallAsOperator(operator, { sessionId: 'msn_01nonexistent0000000000000' }).catch((e) => e))).toBe('not_found');
    expect((await simulateCallAsOperator(operator, { sessionId: session.id, duration_seconds: '-3' }).catch((e) => e)).fieldErrors).toHaveProperty('duration_seconds');
  });
});
