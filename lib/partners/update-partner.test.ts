import { describe, expect, it } from 'vitest';
import { listPartnerAudit } from '@/lib/audit/list-audit';
import { systemCtx } from '@/lib/audit/context';
import { makePartner, makeStaff, systemFor } from '@/test/factories';
import { setRateLimitOverride } from './update-partner';

describe('setRateLimitOverride', () => {
  it('sets and clears the override, audited with before and after', async () => {
    const partner = await makePartner('limit');
    const operatorCtx = { actor: { type: 'operator' as const, id: 'opr_test' } };
    expect(await setRateLimitOverride(operatorCtx, { partnerId: partner.id, rateLimitPerHour: '250' })).toMatchObject({ rateLimitPerHour: 250 });
    expect(await setRateLimitOverride(operatorCtx, { partnerId: partner.id, rateLimitPerHour: '' })).toMatchObject({ rateLimitPerHour: null });

    const audit = await listPartnerAudit(systemFor(partner.id));
    const changes = audit.filter((entry) => entry.action === 'partner.rate_limit_changed').reverse();
    expect(changes.map((entry) => [entry.before, entry.after])).toEqual([
      [{ rateLimitPerHour: null }, { rateLimitPerHour: 250 }],
      [{ rateLimitPerHour: 250 }, { rateLimitPerHour: null }],
    ]);
    expect(changes[0]).toMatchObject({ actorType: 'operator', actorId: 'opr_test' });
  });

  it('is for operators only, and names an unknown partner', async () => {
    const partner = await makePartner('limit');
    const owner = await makeStaff(partner.id, 'owner');
    await expect(setRateLimitOverride(owner.ctx, { partnerId: partner.id, rateLimitPerHour: 10 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(setRateLimitOverride(systemCtx, { partnerId: 'ptn_missing', rateLimitPerHour: 10 })).rejects.toMatchObject({ code: 'not_found' });
  });
});
