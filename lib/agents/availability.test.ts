import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { events } from '@/db/schema';
import { seedClient } from '@/lib/clients/seed-client';
import { makePartner, systemFor, unique } from '@/test/factories';
import type { WallboardAgent } from './agent-view';
import { applyAvailabilityEvent, setAgentAvailability } from './availability';
import { subscribeAgents } from './live-agents';
import { createAgent, deactivateAgent } from './manage-agents';
import { getWallboard, wallboardStream } from './wallboard';

async function agentOf() {
  const partner = await makePartner('avl');
  const ctx = systemFor(partner.id);
  const client = await seedClient(ctx, { name: `Client ${unique()}`, email: `c-${unique()}@example.com`, status: 'active' });
  const agent = await createAgent(ctx, client.id, { name: 'Ravi', email: `r-${unique()}@example.com`, phone: '+919812345678', password: 'Secure-pass-1' });
  return { ctx, client, agent };
}

const until = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('availability', () => {
  it('queues a break asked for during a call and applies it at the hang-up, counting the call and its talk time', async () => {
    const { ctx, agent } = await agentOf();
    const t0 = new Date('2026-12-01T05:00:00Z');
    await applyAvailabilityEvent(ctx, agent.id, { type: 'set', to: 'available' }, t0);
    await applyAvailabilityEvent(ctx, agent.id, { type: 'offer' }, new Date(t0.getTime() + 1000));
    await applyAvailabilityEvent(ctx, agent.id, { type: 'answer' }, new Date(t0.getTime() + 5000));
    const queued = await setAgentAvailability(ctx, agent.id, { availability: 'break' });
    expect(queued).toMatchObject({ queued: true, agent: { availability: 'on_call', queuedAvailability: 'break' } });
    const ended = await applyAvailabilityEvent(ctx, agent.id, { type: 'hang_up' }, new Date(t0.getTime() + 95_000));
    expect(ended.agent).toMatchObject({ availability: 'break', queuedAvailability: null, callsToday: 1, talkSecondsToday: 90, statsDay: '2026-12-01' });
    const changes = await getDb().select({ data: events.data }).from(events).where(and(eq(events.partnerId, ctx.partnerId), eq(events.type, 'agent.status_changed'))).orderBy(events.id);
    expect(changes.map((e) => (e.data as { to: string }).to)).toEqual(['available', 'ringing', 'on_call', 'break']);
  });

  it('refuses a call step that does not fit, and any change to a deactivated agent', async () => {
    const { ctx, agent } = await agentOf();
    await expect(applyAvailabilityEvent(ctx, agent.id, { type: 'offer' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(setAgentAvailability(ctx, agent.id, { availability: 'on_call' })).rejects.toMatchObject({ code: 'validation_failed', fieldErrors: { availability: expect.any(String) } });
    await deactivateAgent(ctx, agent.id);
    await expect(setAgentAvailability(ctx, agent.id, { availability: 'available' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('publishes each change to live subscribers of the partner after commit, and to nobody else', async () => {
    const { ctx, agent, client } = await agentOf();
    const other = await agentOf();
    const seen: WallboardAgent[] = [];
    const foreign: WallboardAgent[] = [];
    const stop = await subscribeAgents({ partnerId: ctx.partnerId, clientId: client.id }, (a) => seen.push(a));
    const stopOther = await subscribeAgents({ partnerId: other.ctx.partnerId }, (a) => foreign.push(a));
    await setAgentAvailability(ctx, agent.id, { availability: 'available' });
    await setAgentAvailability(ctx, agent.id, { availability: 'break' });
    await until(() => seen.length === 2);
    expect(seen.map((a) => a.availability)).toEqual(['available', 'break']);
    expect(seen[0]).not.toHaveProperty('email');
    expect(foreign).toEqual([]);
    stop();
    stopOther();
  });

  it('streams a snapshot, then each change, for one client', async () => {
    const { ctx, agent, client } = await agentOf();
    const sent: { event: string; data: unknown }[] = [];
    const stop = await (await wallboardStream(ctx, { clientId: client.id }))((event, data) => sent.push({ event, data }));
    expect(sent[0]).toMatchObject({ event: 'snapshot', data: { agents: [{ id: agent.id, availability: 'offline' }] } });
    await setAgentAvailability(ctx, agent.id, { availability: 'available' });
    await until(() => sent.length === 2);
    expect(sent[1]).toMatchObject({ event: 'agent', data: { id: agent.id, availability: 'available' } });
    stop();
    expect((await getWallboard(ctx)).agents.map((a) => a.id)).toContain(agent.id);
    await expect(getWallboard(systemFor((await makePartner('avl-x')).id), { clientId: client.id })).rejects.toMatchObject({ code: 'not_found' });
  });
});
