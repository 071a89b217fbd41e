import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { messages, numbers, usageEvents } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { ingestCallEvent } from '@/lib/calls/ingest-call-events';
import { seedClient } from '@/lib/clients/seed-client';
import { applyAvailabilityEvent } from '@/lib/agents/availability';
import { createAgent } from '@/lib/agents/manage-agents';
import { createFlow } from '@/lib/flows/manage-flows';
import { mapFlowToNumber } from '@/lib/flows/map-flow';
import { simulateFlowCall } from '@/lib/flows/simulate-flow-call';
import { chargeClient } from '@/lib/ledger/charge-client';
import { addClientCredits } from '@/lib/ledger/client-credits';
import { setLowBalanceThreshold } from '@/lib/ledger/low-balance';
import { creditPartner } from '@/lib/ledger/money-in';
import { deliverDueMessages } from '@/lib/messages/deliver-messages';
import { queueSms } from '@/lib/messages/queue-message';
import { seal } from '@/lib/crypto/secret-box';
import { queueInviteEmail } from '@/lib/team/invite-email';
import { makePartner, systemFor, unique, uniqueEmail } from '@/test/factories';
import { clientUsage } from './client-usage';
import { partnerMetrics } from './partner-metrics';
import { rollUpUsage } from './roll-up-usage';

async function setup(label: string) {
  const partner = await makePartner(label);
  const ctx = systemFor(partner.id);
  const client = await seedClient(ctx, { name: 'Metered Co', email: uniqueEmail(label), status: 'active' });
  await creditPartner(systemCtx, { partnerId: partner.id, amount: '100000', reference: `UTR${unique()}${unique()}` });
  await addClientCredits(ctx, { clientId: client.id, amount: '50000' });
  return { partner, ctx, client };
}

describe('flow executions', () => {
  it('meters one execution per call a flow runs, once even when the carrier repeats the start, and shows it in the client’s usage and the partner’s metrics', async () => {
    const { ctx, client } = await setup('flx');
    const digits = `81${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const [number] = await getDb()
      .insert(numbers)
      .values({ environment: 'live', carrier: 'simulator', e164: `+91${digits}`, digits, country: 'IN', region: 'KA', type: 'local', status: 'assigned', partnerId: ctx.partnerId, clientId: client.id })
      .returning();
    const agent = await createAgent(ctx, client.id, { name: 'Ravi Kumar', email: uniqueEmail('agent'), phone: '9876500002', password: 'Secure-pass-1' });
    await applyAvailabilityEvent(ctx, agent.id, { type: 'set', to: 'available' });
    const flow = await createFlow(ctx, client.id, { name: 'Support', agentExtension: agent.extension, transferTo: '+919800000001' });
    await mapFlowToNumber(ctx, flow.id, number!.e164);
    const first = await simulateFlowCall(ctx, number!.id, { agent: 'no_answer', transfer: 'answer', talkSeconds: 30 });
    await simulateFlowCall(ctx, number!.id, { agent: 'no_answer', transfer: 'no_answer' });
    // The carrier sends the first call's start again under a new event id: the call is the same one.
    const replay = await ingestCallEvent({ eventId: `replay-${unique()}`, type: 'call.started', callId: first.carrierCallId, legId: `${first.carrierCallId}-in`, leg: 'inbound', direction: 'inbound', number: number!.e164, from: '+919812345678', to: number!.e164, occurredAt: new Date().toISOString() });
    expect(replay).toBeTruthy();

    const metered = await getDb().select().from(usageEvents).where(and(eq(usageEvents.partnerId, ctx.partnerId), eq(usageEvents.kind, 'flow_executions')));
    expect(metered).toHaveLength(2);
    expect(metered.every((row) => row.clientId === client.id && row.quantity === 1n)).toBe(true);
    expect(metered.map((row) => row.sourceId)).toContain(first.id);

    const before = await clientUsage(ctx, client.id);
    expect(before.totals.flow_executions).toBe(2n);
    await rollUpUsage();
    const after = await clientUsage(ctx, client.id);
    expect(after.totals.flow_executions).toBe(2n);
    expect(after.days.filter((day) => day.kind === 'flow_executions').reduce((sum, day) => sum + day.quantity, 0n)).toBe(2n);
    expect((await partnerMetrics(ctx)).usage.flow_executions).toBe(2n);
  });
});

/** Sends until none of the partner's messages waits (other test files share the outbox and may send some). */
async function sendAll(partnerId: string) {
  for (let round = 0; round < 100; round++) {
    const rows = await getDb().select({ status: messages.status }).from(messages).where(eq(messages.partnerId, partnerId));
    if (rows.every((row) => row.status !== 'queued')) return;
    if (!(await deliverDueMessages(new Date(), 50))) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('messages by channel', () => {
  it('meters each message the outbox sends under its channel, once even when a lapsed lease sends it again', async () => {
    const { ctx } = await setup('msg');
    await queueSms(getDb(), { partnerId: ctx.partnerId, to: '+919812300001', template: 'otp', text: 'Your code is 123456' });
    await queueSms(getDb(), { partnerId: ctx.partnerId, to: '+919812300002', template: 'otp', text: 'Your code is 654321' });
    await getDb().insert(messages).values({ partnerId: ctx.partnerId, channel: 'email', recipient: uniqueEmail('to'), subject: 'Hello', template: 'notice', sealedBody: seal(JSON.stringify({ html: '<p>Hi</p>', text: 'Hi' })) });
    await sendAll(ctx.partnerId);

    const sent = await getDb().select().from(messages).where(eq(messages.partnerId, ctx.partnerId));
    expect(sent.map((row) => row.status)).toEqual(['sent', 'sent', 'sent']);
    // A worker that lost its lease sends one again: the message is the same, so it is not counted twice.
    await getDb().update(messages).set({ status: 'queued', nextAttemptAt: new Date(0) }).where(eq(messages.id, sent[0]!.id));
    await sendAll(ctx.partnerId);

    const metered = await getDb().select().from(usageEvents).where(and(eq(usageEvents.partnerId, ctx.partnerId), eq(usageEvents.kind, 'messages')));
    expect(metered.map((row) => row.channel).sort()).toEqual(['email', 'sms', 'sms']);
    const metrics = await partnerMetrics(ctx);
    expect(metrics.usage.messages).toBe(3n);
  });

  it('counts a message for a client as that client’s usage by channel, and one to the partner’s staff as the partner’s alone', async () => {
    const { ctx, client } = await setup('msgc');
    const other = await seedClient(ctx, { name: 'Quiet Co', email: uniqueEmail('quiet'), status: 'active' });
    // The client's wallet holds 50000 paise: an alert at that level is crossed by the next charge.
    await setLowBalanceThreshold(ctx, { clientId: client.id, threshold: '50000' });
    await chargeClient(ctx, { clientId: client.id, product: 'call_minute_outbound' });
    await queueInviteEmail(getDb(), ctx.partnerId, { email: uniqueEmail('staff'), name: 'New Staff' }, `invite-${unique()}`);
    const queued = await getDb().select().from(messages).where(eq(messages.partnerId, ctx.partnerId));
    expect(queued.map((row) => [row.template, row.clientId]).sort()).toEqual([
      ['low-balance', client.id],
      ['team_invite', null],
    ]);
    await sendAll(ctx.partnerId);

    const metered = await getDb().select().from(usageEvents).where(and(eq(usageEvents.partnerId, ctx.partnerId), eq(usageEvents.kind, 'messages')));
    expect(metered.map((row) => [row.clientId ?? 'none', row.channel, row.quantity]).sort()).toEqual([
      [client.id, 'email', 1n],
      ['none', 'email', 1n],
    ]);
    const expectClientMessages = async () => {
      const usage = await clientUsage(ctx, client.id);
      expect(usage.totals.messages).toBe(1n);
      expect(usage.messagesByChannel).toEqual([{ channel: 'email', quantity: 1n }]);
      expect((await clientUsage(ctx, other.id)).totals.messages).toBe(0n);
      // The partner's totals count every message: the client's and its own.
      expect((await partnerMetrics(ctx)).usage.messages).toBe(2n);
    };
    await expectClientMessages();
    // Rolled up per client (and '' for the partner's own), the figures stay the same.
    await rollUpUsage();
    await expectClientMessages();
  });
});
