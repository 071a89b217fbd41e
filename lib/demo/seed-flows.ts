import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { agents, clients, numbers } from '@/db/schema';
import { applyAvailabilityEvent } from '@/lib/agents/availability';
import { systemCtx } from '@/lib/audit/context';
import { createFlow } from '@/lib/flows/manage-flows';
import { mapFlowToNumber } from '@/lib/flows/map-flow';
import { simulateFlowCall } from '@/lib/flows/simulate-flow-call';

const day = [
  { hoursAgo: 9, agent: 'answer' as const, talkSeconds: 184 },
  { hoursAgo: 8, agent: 'no_answer' as const, talkSeconds: 95 },
  { hoursAgo: 6.5, agent: 'answer' as const, talkSeconds: 312 },
  { hoursAgo: 5, agent: 'busy' as const, talkSeconds: 61 },
  { hoursAgo: 3, agent: 'answer' as const, talkSeconds: 128 },
  { hoursAgo: 1.5, agent: 'answer' as const, talkSeconds: 47 },
];

/**
 * A support flow on the agents' client's first number (its supervisor answers, a team phone takes what she
 * misses), and a day of calls through it from the call simulator, so the Flows section shows paths, legs and
 * charges on first start. Each answered call's wrap-up is finished a minute later, leaving her available.
 */
export async function seedFlows(partnerId: string): Promise<void> {
  const ctx = { ...systemCtx, partnerId };
  const db = getDb();
  const [client] = await db.select({ id: clients.id }).from(clients).where(and(eq(clients.partnerId, partnerId), eq(clients.status, 'active'))).orderBy(asc(clients.name)).limit(1);
  if (!client) return;
  const [agent] = await db.select({ id: agents.id, extension: agents.extension, availability: agents.availability }).from(agents).where(and(eq(agents.clientId, client.id), eq(agents.availability, 'available'))).orderBy(asc(agents.extension)).limit(1);
  const [number] = await db.select({ id: numbers.id }).from(numbers).where(and(eq(numbers.clientId, client.id), eq(numbers.status, 'assigned'))).orderBy(asc(numbers.id)).limit(1);
  if (!agent || !number) return;
  const flow = await createFlow(ctx, client.id, { name: 'Support line', agentExtension: agent.extension, transferTo: '+919876510099' });
  await mapFlowToNumber(ctx, flow.id, number.id, new Date(Date.now() - 10 * 3600_000));
  for (const [index, call] of day.entries()) {
    const at = new Date(Date.now() - call.hoursAgo * 3600_000);
    const result = await simulateFlowCall(ctx, number.id, { agent: call.agent, talkSeconds: call.talkSeconds, at: at.toISOString(), from: `+91981234${String(5600 + index)}` });
    if (result.outcome === 'agent') await applyAvailabilityEvent(ctx, agent.id, { type: 'wrap_up_done' }, new Date((result.endedAt ?? at).getTime() + 60_000));
  }
}
