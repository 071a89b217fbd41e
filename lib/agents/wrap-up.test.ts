import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLog, events } from '@/db/schema';
import { seedClient } from '@/lib/clients/seed-client';
import { startWorker } from '@/lib/jobs/worker';
import { makePartner, systemFor, unique } from '@/test/factories';
import { applyAvailabilityEvent, setAgentAvailability } from './availability';
import { createAgent, getAgent } from './manage-agents';
import { endDueWrapUps } from './wrap-up';

async function agentAfterCall(hangUpAt: Date) {
  const ctx = systemFor((await makePartner('wrap')).id);
  const client = await seedClient(ctx, { name: `Client ${unique()}`, email: `c-${unique()}@example.com`, status: 'active' });
  const agent = await createAgent(ctx, client.id, { name: 'Wrap', email: `w-${unique()}@example.com`, phone: '+919812345678', password: 'Secure-pass-1' });
  const t = hangUpAt.getTime();
  await applyAvailabilityEvent(ctx, agent.id, { type: 'set', to: 'available' }, new Date(t - 60_000));
  await applyAvailabilityEvent(ctx, agent.id, { type: 'offer' }, new Date(t - 50_000));
  await applyAvailabilityEvent(ctx, agent.id, { type: 'answer' }, new Date(t - 45_000));
  await applyAvailabilityEvent(ctx, agent.id, { type: 'hang_up' }, hangUpAt);
  return { ctx, agent };
}

const hangUp = new Date('2026-12-01T06:00:00Z');
const after = (seconds: number) => new Date(hangUp.getTime() + seconds * 1000);

describe('wrap-up ends on its own', () => {
  it('keeps the agent in wrap-up until the configured time, then makes them available as of that moment, audited and emitted', async () => {
    const { ctx, agent } = await agentAfterCall(hangUp);
    expect(await endDueWrapUps(after(29), { wrapUpSeconds: 30, partnerIds: [ctx.partnerId] })).toBe(0);
    expect((await getAgent(ctx, agent.id)).availability).toBe('wrap_up');
    expect(await endDueWrapUps(after(31), { wrapUpSeconds: 30, partnerIds: [ctx.partnerId] })).toBe(1);
    const done = await getAgent(ctx, agent.id);
    expect(done).toMatchObject({ availability: 'available', availabilitySince: after(30) });
    const emitted = await getDb().select({ data: events.data }).from(events).where(and(eq(events.partnerId, ctx.partnerId), eq(events.type, 'agent.status_changed'))).orderBy(events.id);
    expect(emitted.at(-1)!.data).toMatchObject({ agent_id: agent.id, from: 'wrap_up', to: 'available', cause: 'wrap_up_done', at: after(30).toISOString() });
    const audited = await getDb().select({ after: auditLog.after }).from(auditLog).where(and(eq(auditLog.partnerId, ctx.partnerId), eq(auditLog.targetId, agent.id), eq(auditLog.action, 'agent.status_changed')));
    expect(audited.map((row) => row.after)).toContainEqual(expect.objectContaining({ availability: 'available', cause: 'wrap_up_done' }));
    // A second look (another worker) finds nothing left to do.
    expect(await endDueWrapUps(after(60), { wrapUpSeconds: 30, partnerIds: [ctx.partnerId] })).toBe(0);
  });

  it('leaves an agent who chose a state during wrap-up, or is in a later wrap-up, as they are', async () => {
    const chose = await agentAfterCall(hangUp);
    await setAgentAvailability(chose.ctx, chose.agent.id, { availability: 'break' });
    await endDueWrapUps(after(120), { wrapUpSeconds: 30, partnerIds: [chose.ctx.partnerId] });
    expect((await getAgent(chose.ctx, chose.agent.id)).availability).toBe('break');

    const later = await agentAfterCall(hangUp);
    await endDueWrapUps(after(40), { wrapUpSeconds: 30, partnerIds: [later.ctx.partnerId] });
    // The next call's wrap-up starts at 100 s: it is not ended by the first one's clock.
    await applyAvailabilityEvent(later.ctx, later.agent.id, { type: 'offer' }, after(50));
    await applyAvailabilityEvent(later.ctx, later.agent.id, { type: 'answer' }, after(55));
    await applyAvailabilityEvent(later.ctx, later.agent.id, { type: 'hang_up' }, after(100));
    expect(await endDueWrapUps(after(110), { wrapUpSeconds: 30, partnerIds: [later.ctx.partnerId] })).toBe(0);
    expect((await getAgent(later.ctx, later.agent.id)).availability).toBe('wrap_up');
  });

  it('is done by the running worker as its clock passes the wrap-up time', async () => {
    const { ctx, agent } = await agentAfterCall(hangUp);
    let now = after(5);
    const stop = startWorker({ now: () => now, partnerIds: [ctx.partnerId], intervalMs: 10, housekeepingIntervalMs: 3_600_000 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await getAgent(ctx, agent.id)).availability).toBe('wrap_up');
      now = after(3600);
      const end = Date.now() + 5000;
      while ((await getAgent(ctx, agent.id)).availability !== 'available') {
        if (Date.now() > end) throw new Error('the worker did not end the wrap-up');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      await stop();
    }
  });
});
