import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { agents } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { AppError, invalid, notFound } from '@/lib/errors/app-error';
import { parseInput } from '@/lib/errors/zod';
import { emitEvent } from '@/lib/events/emit-event';
import { environmentOf } from '@/lib/numbers/environment';
import { numberRefSchema, ownNumber } from '@/lib/numbers/number-lookup';
import { agentColumns, toWallboardAgent, type AgentView } from './agent-view';
import { publishAgent } from './live-agents';

/**
 * Sets the number an agent's outgoing calls show (IVR Solutions' update_agent_did): one of the agent's own
 * client's assigned numbers, so an agent never presents a number the client does not rent.
 */
export async function setAgentCallerId(ctx: PartnerCtx, clientId: string, extension: string, numberRef: unknown): Promise<AgentView> {
  requirePartnerRole(ctx, 'admin');
  const ref = parseInput(numberRefSchema, numberRef);
  return getDb().transaction(async (tx) => {
    const [agent] = await tx.select().from(agents).where(and(eq(agents.partnerId, ctx.partnerId), eq(agents.clientId, clientId), eq(agents.extension, extension.trim()))).for('update');
    if (!agent) throw notFound('Agent');
    if (agent.status === 'inactive') throw new AppError('conflict', 'This agent is deactivated; deactivated agents keep their history and cannot be changed.');
    const number = await ownNumber(tx, ctx.partnerId, await environmentOf(tx, ctx.partnerId), ref).catch(() => {
      throw invalid('number', 'Choose one of this client’s numbers.');
    });
    if (number.status !== 'assigned' || number.clientId !== clientId) throw invalid('number', 'Choose one of this client’s numbers.');
    const [after] = await tx.update(agents).set({ callerIdNumberId: number.id }).where(eq(agents.id, agent.id)).returning(agentColumns);
    if (agent.callerIdNumberId !== number.id) {
      await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'agent.updated', targetType: 'agent', targetId: agent.id, before: { callerIdNumberId: agent.callerIdNumberId }, after: { callerIdNumberId: number.id, number: number.e164 } });
      await emitEvent(tx, ctx.partnerId, 'agent.updated', { agent_id: agent.id, client_id: clientId, name: agent.name, extension: agent.extension, permission_group: agent.permissionGroup, status: agent.status, changed: ['caller_id_number'], caller_id_number: number.e164 });
      await publishAgent(tx, ctx.partnerId, toWallboardAgent(after!));
    }
    return after!;
  });
}
