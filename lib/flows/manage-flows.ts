import { and, eq, type SQL } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { agents, clients, flows, recordings, voiceBots, type Flow } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { AppError, conflict, invalid, notFound } from '@/lib/errors/app-error';
import { isUniqueViolation } from '@/lib/errors/postgres';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { cursorClauses } from '@/lib/pagination/cursor-sql';
import { cursorQuery, toPage, type ListParams, type Page } from '@/lib/pagination/cursor';
import { createFlowSchema, updateFlowSchema, type CreateFlowInput, type UpdateFlowInput } from './schemas';

export const isExtension = (target: string) => !target.startsWith('+');

/**
 * What a flow points at must belong to the flow's own client: the recording, the bot and the agent at the
 * extension (an extension-type transfer target too). Anything else is refused next to its field.
 */
async function checkReferences(tx: Tx, clientId: string, data: Partial<Pick<Flow, 'welcomeRecordingId' | 'botId' | 'agentExtension' | 'transferTo'>>) {
  if (data.welcomeRecordingId) {
    const [row] = await tx.select({ id: recordings.id }).from(recordings).where(and(eq(recordings.id, data.welcomeRecordingId), eq(recordings.clientId, clientId))).limit(1);
    if (!row) throw invalid('welcomeRecordingId', 'Choose one of this client’s recordings.');
  }
  if (data.botId) {
    const [row] = await tx.select({ id: voiceBots.id }).from(voiceBots).where(and(eq(voiceBots.id, data.botId), eq(voiceBots.clientId, clientId))).limit(1);
    if (!row) throw invalid('botId', 'Choose one of this client’s voice bots.');
  }
  for (const field of ['agentExtension', 'transferTo'] as const) {
    const extension = data[field];
    if (!extension || !isExtension(extension)) continue;
    const [row] = await tx.select({ id: agents.id }).from(agents).where(and(eq(agents.clientId, clientId), eq(agents.extension, extension), eq(agents.status, 'active'))).limit(1);
    if (!row) throw invalid(field, `No active agent of this client has extension ${extension}.`);
  }
}

function uniqueFailure(error: unknown): never {
  if (isUniqueViolation(error, 'flows_client_name_key')) throw conflict('This client already has a flow with this name.', 'name');
  throw error;
}

const ownFlow = (ctx: PartnerCtx, flowId: string): SQL => and(eq(flows.id, flowId), eq(flows.partnerId, ctx.partnerId))!;

export async function lockFlow(tx: Tx, ctx: PartnerCtx, flowId: string): Promise<Flow> {
  const [row] = await tx.select().from(flows).where(ownFlow(ctx, flowId)).for('update');
  if (!row) throw notFound('Flow');
  return row;
}

export async function createFlow(ctx: PartnerCtx, clientId: string, input: Untrusted<CreateFlowInput>): Promise<Flow> {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(createFlowSchema, input);
  try {
    return await getDb().transaction(async (tx) => {
      const [client] = await tx.select({ id: clients.id, status: clients.status }).from(clients).where(and(eq(clients.id, clientId), eq(clients.partnerId, ctx.partnerId))).limit(1);
      if (!client) throw notFound('Client');
      if (client.status === 'inactive') throw new AppError('conflict', 'This client is deactivated: activate it before adding flows.');
      await checkReferences(tx, clientId, data);
      const [flow] = await tx.insert(flows).values({ partnerId: ctx.partnerId, clientId, ...data }).returning();
      await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'flow.created', targetType: 'flow', targetId: flow!.id, after: data });
      return flow!;
    });
  } catch (error) {
    uniqueFailure(error);
  }
}

export async function updateFlow(ctx: PartnerCtx, flowId: string, input: Untrusted<UpdateFlowInput>): Promise<Flow> {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(updateFlowSchema, input);
  try {
    return await getDb().transaction(async (tx) => {
      const before = await lockFlow(tx, ctx, flowId);
      const changes: Partial<Flow> = {};
      for (const [key, value] of Object.entries(data) as [keyof typeof data, unknown][]) {
        if (value !== undefined && value !== before[key]) (changes as Record<string, unknown>)[key] = value;
      }
      const next = { ...before, ...changes };
      if (next.botId && !next.transferTo) throw invalid('transferTo', 'A flow with a voice bot needs a transfer target for when the bot fails.');
      if (Object.keys(changes).length === 0) return before;
      await checkReferences(tx, before.clientId, changes);
      const [after] = await tx.update(flows).set(changes).where(eq(flows.id, before.id)).returning();
      const changed = Object.keys(changes) as (keyof Flow)[];
      await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'flow.updated', targetType: 'flow', targetId: before.id, before: Object.fromEntries(changed.map((key) => [key, before[key]])), after: changes });
      return after!;
    });
  } catch (error) {
    uniqueFailure(error);
  }
}

export async function getFlow(ctx: PartnerCtx, flowId: string): Promise<Flow> {
  requirePartnerRole(ctx, 'member');
  const [row] = await getDb().select().from(flows).where(ownFlow(ctx, flowId)).limit(1);
  if (!row) throw notFound('Flow');
  return row;
}

/** One page of the caller's flows, newest first; by client through the (partner, client, id) index. */
export async function listFlows(ctx: PartnerCtx, filters: { clientId?: string } & Partial<ListParams> = {}): Promise<Page<Flow>> {
  requirePartnerRole(ctx, 'member');
  const query = cursorQuery({ ...filters, limit: filters.limit ?? 50 });
  const { where, orderBy } = cursorClauses(flows.id, query);
  const conditions: (SQL | undefined)[] = [eq(flows.partnerId, ctx.partnerId), where];
  if (filters.clientId) conditions.push(eq(flows.clientId, filters.clientId));
  const rows = await getDb().select().from(flows).where(and(...conditions)).orderBy(orderBy).limit(query.take);
  return toPage(rows, query);
}
export type { Flow } from '@/db/schema';
