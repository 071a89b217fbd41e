import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { clients } from '@/db/schema';
import { applyAvailabilityEvent } from '@/lib/agents/availability';
import { createAgent } from '@/lib/agents/manage-agents';
import { systemCtx } from '@/lib/audit/context';
import { createVoiceBot } from '@/lib/bots/manage-bots';

const people = [
  { name: 'Priya Nair', permissionGroup: 'supervisor' as const },
  { name: 'Rahul Verma', permissionGroup: 'agent' as const },
  { name: 'Sneha Iyer', permissionGroup: 'agent' as const },
  { name: 'Vikram Singh', permissionGroup: 'agent' as const },
];

/**
 * Agents for the partner's first active client, across the states a wallboard shows: one on a call, one in
 * wrap-up, one on a break, one available, each with calls taken earlier today; and a voice bot.
 */
export async function seedAgents(partnerId: string, password: string): Promise<void> {
  const ctx = { ...systemCtx, partnerId };
  const [client] = await getDb().select({ id: clients.id, email: clients.email }).from(clients).where(and(eq(clients.partnerId, partnerId), eq(clients.status, 'active'))).orderBy(asc(clients.name)).limit(1);
  if (!client) return;
  const domain = client.email.split('@')[1];
  const made = [];
  for (const [index, person] of people.entries()) {
    const agent = await createAgent(ctx, client.id, {
      name: person.name,
      email: `${person.name.split(' ')[0]!.toLowerCase()}@${domain}`,
      phone: `+9198765100${String(index + 10)}`,
      password,
      permissionGroup: person.permissionGroup,
      managerId: made[0]?.id,
      reportingManagerId: made[0]?.id,
    });
    made.push(agent);
  }
  // A few calls each, finished over the last hours, then the state each is in now.
  const now = Date.now();
  for (const [index, agent] of made.entries()) {
    await applyAvailabilityEvent(ctx, agent.id, { type: 'set', to: 'available' }, new Date(now - 4 * 3600_000));
    for (let call = 0; call < 2 + index; call++) {
      const start = now - (3 * 3600_000 - call * 1800_000) + index * 60_000;
      await applyAvailabilityEvent(ctx, agent.id, { type: 'offer' }, new Date(start));
      await applyAvailabilityEvent(ctx, agent.id, { type: 'answer' }, new Date(start + 8_000));
      await applyAvailabilityEvent(ctx, agent.id, { type: 'hang_up' }, new Date(start + 8_000 + (120 + 45 * call) * 1000));
      await applyAvailabilityEvent(ctx, agent.id, { type: 'wrap_up_done' }, new Date(start + 8_000 + (150 + 45 * call) * 1000));
    }
  }
  // The supervisor stays available.
  const [, onCall, wrapUp, onBreak] = made;
  await applyAvailabilityEvent(ctx, onCall!.id, { type: 'offer' }, new Date(now - 200_000));
  await applyAvailabilityEvent(ctx, onCall!.id, { type: 'answer' }, new Date(now - 190_000));
  await applyAvailabilityEvent(ctx, wrapUp!.id, { type: 'offer' }, new Date(now - 400_000));
  await applyAvailabilityEvent(ctx, wrapUp!.id, { type: 'answer' }, new Date(now - 390_000));
  await applyAvailabilityEvent(ctx, wrapUp!.id, { type: 'hang_up' }, new Date(now - 30_000));
  await applyAvailabilityEvent(ctx, onBreak!.id, { type: 'set', to: 'break' }, new Date(now - 600_000));
  await createVoiceBot(
    ctx,
    client.id,
    { name: 'Order status bot', purpose: 'Answers “where is my order” calls', wssUrl: 'wss://bots.example.com/stream', apiUrl: 'https://bots.example.com/api', authHeader: 'Authorization: Bearer demo-bot-token' },
    // example.com is reserved for documentation (RFC 2606) and has this public address: answered without the
    // network, so seeding works offline while the live SSRF rule still applies.
    { resolve: async () => [{ address: '93.184.215.14', family: 4 }] },
  );
}
