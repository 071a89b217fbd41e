import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { agents, events, flowMappings, numbers, voiceBots } from '@/db/schema';
import { applyAvailabilityEvent } from '@/lib/agents/availability';
import { chargeSeatsAndBots } from '@/lib/agents/monthly-charges';
import { createAgent } from '@/lib/agents/manage-agents';
import { systemCtx } from '@/lib/audit/context';
import { seedClient } from '@/lib/clients/seed-client';
import { readAccount } from '@/lib/ledger/accounts';
import { partnerBook } from '@/lib/ledger/books';
import { addClientCredits } from '@/lib/ledger/client-credits';
import { creditPartner } from '@/lib/ledger/money-in';
import { setWeeklyHours } from '@/lib/schedules/manage-schedules';
import { makePartner, systemFor, uniqueEmail } from '@/test/factories';
import { createFlow, getFlow, updateFlow } from './manage-flows';
import { mapFlowToNumber, mappingHistory } from './map-flow';
import { previewFlow } from './preview';
import { simulateFlowCall } from './simulate-flow-call';

const steps = (path: { step: string }[]) => path.map((s) => s.step);

async function setup() {
  const partner = await makePartner('flw');
  const ctx = systemFor(partner.id);
  const client = await seedClient(ctx, { name: 'Helpdesk Co', email: uniqueEmail('flw'), status: 'active' });
  await creditPartner(systemCtx, { partnerId: partner.id, amount: '100000', reference: `UTR${Math.floor(Math.random() * 1e12)}` });
  await addClientCredits(ctx, { clientId: client.id, amount: '50000' });
  const digits = `80${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const made = await getDb()
    .insert(numbers)
    .values([0, 1].map((i) => ({ environment: 'live' as const, carrier: 'simulator', e164: `+91${digits.slice(0, -1)}${i}`, digits: `${digits.slice(0, -1)}${i}`, country: 'IN', region: 'KA', type: 'local' as const, status: 'assigned' as const, partnerId: partner.id, clientId: client.id })))
    .returning();
  const agent = await createAgent(ctx, client.id, { name: 'Asha Rao', email: uniqueEmail('agent'), phone: '9876500001', password: 'Secure-pass-1' });
  await applyAvailabilityEvent(ctx, agent.id, { type: 'set', to: 'available' });
  const wallet = async () => (await readAccount(getDb(), partnerBook(partner.id).wallet(client.id)))?.balance ?? 0n;
  const availability = async () => (await getDb().select({ a: agents.availability }).from(agents).where(eq(agents.id, agent.id)))[0]!.a;
  return { partner, ctx, client, number: made[0]!, other: made[1]!, agent, wallet, availability };
}

describe('call flows', () => {
  it('runs a call to the agent who answers: path, legs, agent into wrap-up, minutes charged exactly', async () => {
    const { ctx, client, number, agent, wallet, availability } = await setup();
    const flow = await createFlow(ctx, client.id, { name: 'Support', agentExtension: agent.extension, transferTo: '+919800000001' });
    await mapFlowToNumber(ctx, flow.id, number.e164);
    const before = await wallet();
    const call = await simulateFlowCall(ctx, number.id, { agent: 'answer', talkSeconds: 95 });
    expect(steps(call.path)).toEqual(['received', 'open', 'ring_agent', 'agent_answered', 'agent_hung_up', 'ended']);
    expect(call.outcome).toBe('agent');
    expect(call.status).toBe('completed');
    // Caller's leg 2+6+95+1 = 104 s → 2 inbound minutes at 60; the agent's leg 95 s → 2 outbound minutes at 90.
    expect(call.legs.map((l) => [l.direction, l.billedMinutes, l.amount])).toEqual([
      ['inbound', 2, 120n],
      ['outbound', 2, 180n],
    ]);
    expect(before - (await wallet())).toBe(300n);
    expect(await availability()).toBe('wrap_up');
    const emitted = await getDb().select({ type: events.type }).from(events).where(eq(events.partnerId, ctx.partnerId));
    expect(emitted.map((e) => e.type)).toEqual(expect.arrayContaining(['flow.mapped', 'flow.call_completed', 'call.completed']));
  });

  it('transfers when the agent does not answer, and the transfer leg shows the client’s number as caller id', async () => {
    const { ctx, client, number, agent, wallet, availability } = await setup();
    const flow = await createFlow(ctx, client.id, { name: 'Support', agentExtension: agent.extension, transferTo: '9800000002' });
    expect(flow.transferTo).toBe('+919800000002');
    await mapFlowToNumber(ctx, flow.id, number.id);
    const before = await wallet();
    const call = await simulateFlowCall(ctx, number.id, { agent: 'no_answer', talkSeconds: 95 });
    expect(steps(call.path)).toEqual(['received', 'open', 'ring_agent', 'agent_no_answer', 'transfer', 'transfer_answered', 'transfer_hung_up', 'ended']);
    expect(call.outcome).toBe('transfer');
    const [inbound, agentLeg, transfer] = call.legs;
    expect(agentLeg!.outcome).toBe('no_answer');
    expect(transfer!.from).toBe(number.e164);
    // Caller's leg 2+20+2+6+95+1 = 126 s → 3 × 60; the transfer 95 s → 2 × 90; the unanswered ring costs nothing.
    expect([inbound!.amount, agentLeg!.amount, transfer!.amount]).toEqual([180n, 0n, 180n]);
    expect(before - (await wallet())).toBe(360n);
    expect(await availability()).toBe('available');
  });

  it('plays the closed message out of hours and rings nobody', async () => {
    const { ctx, client, number, agent, wallet, availability } = await setup();
    await setWeeklyHours(ctx, { kind: 'number', id: number.id }, { timezone: 'Asia/Kolkata', weekly: { mon: '09:00-10:00' } });
    const flow = await createFlow(ctx, client.id, { name: 'Support', agentExtension: agent.extension });
    await mapFlowToNumber(ctx, flow.id, number.id);
    const sunday = '2026-12-06T06:00:00Z';
    expect((await previewFlow(ctx, flow.id, { at: new Date(sunday) })).steps.map((s) => s.step)).toEqual(['received', 'closed', 'closed_message']);
    const before = await wallet();
    const call = await simulateFlowCall(ctx, number.id, { at: sunday });
    expect(steps(call.path)).toEqual(['received', 'closed', 'closed_message', 'ended']);
    expect(call.outcome).toBe('closed');
    expect(call.legs).toHaveLength(1);
    expect(before - (await wallet())).toBe(60n); // 13 s of message → 1 inbound minute
    expect(await availability()).toBe('available');
  });

  it('falls back to the transfer target when the bot fails', async () => {
    const { ctx, client, number, agent, wallet, availability } = await setup();
    const [bot] = await getDb().insert(voiceBots).values({ partnerId: ctx.partnerId, clientId: client.id, name: 'Order bot', purpose: 'orders', wssUrl: 'wss://bots.example.com/s' }).returning();
    await expect(createFlow(ctx, client.id, { name: 'Bot first', agentExtension: agent.extension, botId: bot!.id })).rejects.toMatchObject({ code: 'validation_failed', fieldErrors: { transferTo: expect.any(String) } });
    const flow = await createFlow(ctx, client.id, { name: 'Bot first', agentExtension: agent.extension, botId: bot!.id, transferTo: '+919800000003' });
    await mapFlowToNumber(ctx, flow.id, number.id);
    const before = await wallet();
    const call = await simulateFlowCall(ctx, number.id, { bot: 'fails', transfer: 'answer', talkSeconds: 95 });
    expect(steps(call.path)).toEqual(['received', 'open', 'bot', 'bot_failed', 'transfer', 'transfer_answered', 'transfer_hung_up', 'ended']);
    expect(call.outcome).toBe('transfer');
    // Caller 2+1+2+6+95+1 = 107 s → 2 × 60; failed bot leg nothing; transfer 95 s → 2 × 90.
    expect(before - (await wallet())).toBe(300n);
    expect(await availability()).toBe('available');
  });

  it('keeps the mapping history, and a number runs one flow when mappings race', async () => {
    const { ctx, client, number, agent } = await setup();
    const made = await Promise.all(['A', 'B', 'C', 'D'].map((name) => createFlow(ctx, client.id, { name, agentExtension: agent.extension })));
    await mapFlowToNumber(ctx, made[0]!.id, number.id);
    await mapFlowToNumber(ctx, made[1]!.id, number.id);
    const history = await mappingHistory(ctx, { numberId: number.id });
    expect(history.map((h) => [h.flowName, h.unmappedAt === null])).toEqual([
      ['B', true],
      ['A', false],
    ]);
    await Promise.all(made.map((flow) => mapFlowToNumber(ctx, flow.id, number.id)));
    const open = await getDb().select().from(flowMappings).where(eq(flowMappings.numberId, number.id));
    expect(open.filter((m) => m.unmappedAt === null)).toHaveLength(1);
    expect(open.length).toBeGreaterThanOrEqual(4);
  });

  it('refuses bad input next to the field, and another partner’s flow or number is not found', async () => {
    const { ctx, client, number, agent, other } = await setup();
    await expect(createFlow(ctx, client.id, { name: '', agentExtension: '0x', transferTo: 'nowhere' })).rejects.toMatchObject({ code: 'validation_failed', fieldErrors: { name: expect.any(String), agentExtension: expect.any(String), transferTo: expect.any(String) } });
    await expect(createFlow(ctx, client.id, { name: 'X', agentExtension: '9999' })).rejects.toMatchObject({ fieldErrors: { agentExtension: expect.stringMatching(/9999/) } });
    const flow = await createFlow(ctx, client.id, { name: 'Mine', agentExtension: agent.extension });
    await expect(createFlow(ctx, client.id, { name: 'Mine', agentExtension: agent.extension })).rejects.toMatchObject({ code: 'conflict', fieldErrors: { name: expect.any(String) } });
    await expect(updateFlow(ctx, flow.id, { welcomeRecordingId: 'rcd_nope' })).rejects.toMatchObject({ fieldErrors: { welcomeRecordingId: expect.any(String) } });
    const foreign = await setup();
    await expect(getFlow(foreign.ctx, flow.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(updateFlow(foreign.ctx, flow.id, { name: 'Theirs' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(mapFlowToNumber(foreign.ctx, flow.id, foreign.number.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(mapFlowToNumber(ctx, flow.id, foreign.number.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(simulateFlowCall(foreign.ctx, number.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(simulateFlowCall(ctx, other.id)).rejects.toMatchObject({ code: 'conflict' });
    const mine = await getDb().select().from(flowMappings).where(and(eq(flowMappings.flowId, flow.id)));
    expect(mine).toHaveLength(0);
  });
});

describe('monthly seats and bots', () => {
  it('charges each active agent’s seat and each bot once a month, however often the worker runs', async () => {
    const { ctx, client, wallet } = await setup();
    await getDb().insert(voiceBots).values({ partnerId: ctx.partnerId, clientId: client.id, name: 'Order bot', purpose: 'orders', wssUrl: 'wss://bots.example.com/s' });
    await creditPartner(systemCtx, { partnerId: ctx.partnerId, amount: '1000000', reference: `UTR${Math.floor(Math.random() * 1e12)}` });
    await addClientCredits(ctx, { clientId: client.id, amount: '300000' });
    const before = await wallet();
    const at = new Date('2026-12-10T06:00:00Z');
    const runs = await Promise.all([chargeSeatsAndBots(at, { partnerId: ctx.partnerId }), chargeSeatsAndBots(at, { partnerId: ctx.partnerId })]);
    expect(runs.reduce((sum, run) => sum + run.charged, 0)).toBeGreaterThanOrEqual(2);
    expect(await chargeSeatsAndBots(at, { partnerId: ctx.partnerId })).toEqual({ charged: 0, unpaid: 0 });
    expect(before - (await wallet())).toBe(49_900n + 199_900n);
  });
});
