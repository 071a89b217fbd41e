import { and, desc, eq, isNull } from 'drizzle-orm';
import { getDb, type Queryable } from '@/db';
import { flowMappings, flows, numbers, type FlowMapping } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { invalid, notFound } from '@/lib/errors/app-error';
import { parseInput } from '@/lib/errors/zod';
import { emitEvent } from '@/lib/events/emit-event';
import { environmentOf } from '@/lib/numbers/environment';
import { numberRefSchema, ownNumber } from '@/lib/numbers/number-lookup';
import { lockFlow } from './manage-flows';

export type MappingView = { id: string; flowId: string; flowName: string; numberId: string; number: string; mappedAt: Date; unmappedAt: Date | null };

/**
 * Makes the number run this flow. The number's row is locked first, so two mappings of one number (from the
 * console, REST and the compatibility API at once) take turns: the later one closes the earlier one's mapping
 * and opens its own, and the history keeps both. The partial unique index on open mappings backs this up.
 * Mapping the flow a number already runs changes nothing.
 */
export async function mapFlowToNumber(ctx: PartnerCtx, flowId: string, numberRef: unknown, now = new Date()): Promise<{ mapping: FlowMapping; previousFlowId: string | null; changed: boolean }> {
  requirePartnerRole(ctx, 'admin');
  const ref = parseInput(numberRefSchema, numberRef);
  return getDb().transaction(async (tx) => {
    const flow = await lockFlow(tx, ctx, flowId);
    const number = await ownNumber(tx, ctx.partnerId, await environmentOf(tx, ctx.partnerId), ref, true).catch(() => {
      throw notFound('Number');
    });
    if (number.status !== 'assigned' || number.clientId !== flow.clientId) throw invalid('number', 'Choose one of this flow’s client’s numbers.');
    const [current] = await tx.select().from(flowMappings).where(and(eq(flowMappings.numberId, number.id), isNull(flowMappings.unmappedAt))).limit(1);
    if (current?.flowId === flow.id) return { mapping: current, previousFlowId: flow.id, changed: false };
    if (current) await tx.update(flowMappings).set({ unmappedAt: now }).where(eq(flowMappings.id, current.id));
    const [mapping] = await tx.insert(flowMappings).values({ partnerId: ctx.partnerId, clientId: flow.clientId, numberId: number.id, flowId: flow.id, mappedAt: now }).returning();
    const previousFlowId = current?.flowId ?? null;
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'flow.mapped', targetType: 'number', targetId: number.id, before: { flow_id: previousFlowId }, after: { flow_id: flow.id, number: number.e164 } });
    await emitEvent(tx, ctx.partnerId, 'flow.mapped', { flow_id: flow.id, client_id: flow.clientId, number_id: number.id, number: number.e164, previous_flow_id: previousFlowId, mapped_at: now.toISOString() });
    return { mapping: mapping!, previousFlowId, changed: true };
  });
}

const mappingColumns = { id: flowMappings.id, flowId: flowMappings.flowId, flowName: flows.name, numberId: flowMappings.numberId, number: numbers.e164, mappedAt: flowMappings.mappedAt, unmappedAt: flowMappings.unmappedAt };

/** A flow's or a number's mappings, newest first (the open one, if any, leads). */
export async function mappingHistory(ctx: PartnerCtx, by: { flowId?: string; numberId?: string }, limit = 50): Promise<MappingView[]> {
  requirePartnerRole(ctx, 'member');
  const where = and(eq(flowMappings.partnerId, ctx.partnerId), by.flowId ? eq(flowMappings.flowId, by.flowId) : undefined, by.numberId ? eq(flowMappings.numberId, by.numberId) : undefined);
  return getDb().select(mappingColumns).from(flowMappings).innerJoin(flows, eq(flows.id, flowMappings.flowId)).innerJoin(numbers, eq(numbers.id, flowMappings.numberId)).where(where).orderBy(desc(flowMappings.id)).limit(Math.min(limit, 200));
}

/** The flow a number runs now, if any (used by the call path: no partner context). */
export async function currentFlowOfNumber(q: Queryable, numberId: string) {
  const [row] = await q.select({ flow: flows }).from(flowMappings).innerJoin(flows, eq(flows.id, flowMappings.flowId)).where(and(eq(flowMappings.numberId, numberId), isNull(flowMappings.unmappedAt))).limit(1);
  return row?.flow ?? null;
}
