import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { agents, clients } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { hashPassword } from '@/lib/auth/password';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { AppError, conflict, invalid, notFound } from '@/lib/errors/app-error';
import { isUniqueViolation } from '@/lib/errors/postgres';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { emitEvent } from '@/lib/events/emit-event';
import { cursorClauses } from '@/lib/pagination/cursor-sql';
import { cursorQuery, toPage, type ListParams, type Page } from '@/lib/pagination/cursor';
import { agentColumns, toWallboardAgent, type AgentView } from './agent-view';
import { allocateExtension } from './extensions';
import { publishAgent } from './live-agents';
import { createAgentSchema, updateAgentSchema, type CreateAgentInput, type UpdateAgentInput } from './schemas';

/** The caller's client, locked: agent creation for one client takes turns (extension allocation). */
export async function lockClient(tx: Tx, ctx: PartnerCtx, clientId: string) {
  const [client] = await tx.select({ id: clients.id, status: clients.status }).from(clients).where(and(eq(clients.id, clientId), eq(clients.partnerId, ctx.partnerId))).for('update');
  if (!client) throw notFound('Client');
  return client;
}

const ownAgent = (ctx: PartnerCtx, agentId: string): SQL => and(eq(agents.id, agentId), eq(agents.partnerId, ctx.partnerId))!;

export async function lockAgent(tx: Tx, ctx: PartnerCtx, agentId: string) {
  const [row] = await tx.select().from(agents).where(ownAgent(ctx, agentId)).for('update');
  if (!row) throw notFound('Agent');
  return row;
}

/** Managers must be other agents of the same client. */
async function checkManagers(tx: Tx, clientId: string, selfId: string | null, ids: { reportingManagerId?: string | null; managerId?: string | null }) {
  for (const field of ['reportingManagerId', 'managerId'] as const) {
    const id = ids[field];
    if (!id) continue;
    if (id === selfId) throw invalid(field, 'An agent cannot manage themselves.');
    const [row] = await tx.select({ id: agents.id }).from(agents).where(and(eq(agents.id, id), eq(agents.clientId, clientId)));
    if (!row) throw invalid(field, 'Choose another agent of the same client.');
  }
}

/** The change as the audit trail and the event tell it: no password, no hash. */
function publicFields<T extends Record<string, unknown>>(fields: T) {
  const { passwordHash: _hash, password: _password, ...rest } = fields as Record<string, unknown>;
  return rest;
}

function uniqueFailure(error: unknown): never {
  if (isUniqueViolation(error, 'agents_client_extension_key')) throw conflict('Another agent of this client has this extension.', 'extension');
  if (isUniqueViolation(error, 'agents_client_email_key')) throw conflict('Another agent of this client has this e-mail address.', 'email');
  throw error;
}

const eventData = (agent: AgentView) => ({
  agent_id: agent.id,
  client_id: agent.clientId,
  name: agent.name,
  extension: agent.extension,
  permission_group: agent.permissionGroup,
  status: agent.status,
});

export async function createAgent(ctx: PartnerCtx, clientId: string, input: Untrusted<CreateAgentInput>): Promise<AgentView> {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(createAgentSchema, input);
  const passwordHash = await hashPassword(data.password);
  try {
    return await getDb().transaction(async (tx) => {
      const client = await lockClient(tx, ctx, clientId);
      if (client.status === 'inactive') throw new AppError('conflict', 'This client is deactivated: activate it before adding agents.');
      await checkManagers(tx, clientId, null, data);
      const extension = data.extension ?? (await allocateExtension(tx, ctx.partnerId, clientId));
      const [agent] = await tx
        .insert(agents)
        .values({
          partnerId: ctx.partnerId,
          clientId,
          name: data.name,
          email: data.email,
          phone: data.phone,
          passwordHash,
          extension,
          reportingManagerId: data.reportingManagerId,
          managerId: data.managerId,
          webrtc: data.webrtc,
          dialPreference: data.dialPreference,
          permissionGroup: data.permissionGroup,
        })
        .returning(agentColumns);
      await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'agent.created', targetType: 'agent', targetId: agent!.id, after: publicFields({ ...data, extension }) });
      await emitEvent(tx, ctx.partnerId, 'agent.created', eventData(agent!));
      await publishAgent(tx, ctx.partnerId, toWallboardAgent(agent!));
      return agent!;
    });
  } catch (error) {
    uniqueFailure(error);
  }
}

export type AgentFilters = { clientId?: string; status?: 'active' | 'inactive' };

/** One page of the caller's agents, newest first; by client and status through (partner, …, id) indexes. */
export async function listAgents(ctx: PartnerCtx, filters: AgentFilters & Partial<ListParams> = {}): Promise<Page<AgentView>> {
  requirePartnerRole(ctx, 'member');
  const query = cursorQuery({ ...filters, limit: filters.limit ?? 50 });
  const { where, orderBy } = cursorClauses(agents.id, query);
  const conditions: (SQL | undefined)[] = [eq(agents.partnerId, ctx.partnerId), where];
  if (filters.clientId) conditions.push(eq(agents.clientId, filters.clientId));
  if (filters.status) conditions.push(eq(agents.status, filters.status));
  const rows = await getDb().select(agentColumns).from(agents).where(and(...conditions)).orderBy(orderBy).limit(query.take);
  return toPage(rows, query);
}

export async function getAgent(ctx: PartnerCtx, agentId: string): Promise<AgentView> {
  requirePartnerRole(ctx, 'member');
  const [row] = await getDb().select(agentColumns).from(agents).where(ownAgent(ctx, agentId)).limit(1);
  if (!row) throw notFound('Agent');
  return row;
}

/** An agent of one of the caller's clients by its extension. */
export async function findAgentByExtension(ctx: PartnerCtx, clientId: string, extension: string): Promise<AgentView> {
  requirePartnerRole(ctx, 'member');
  const [row] = await getDb()
    .select(agentColumns)
    .from(agents)
    .where(and(eq(agents.partnerId, ctx.partnerId), eq(agents.clientId, clientId), eq(agents.extension, extension.trim())))
    .limit(1);
  if (!row) throw notFound('Agent');
  return row;
}

export async function updateAgent(ctx: PartnerCtx, agentId: string, input: Untrusted<UpdateAgentInput>): Promise<AgentView> {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(updateAgentSchema, input);
  const passwordHash = data.password ? await hashPassword(data.password) : undefined;
  try {
    return await getDb().transaction(async (tx) => {
      const before = await lockAgent(tx, ctx, agentId);
      if (before.status === 'inactive') throw new AppError('conflict', 'This agent is deactivated; deactivated agents keep their history and cannot be changed.');
      await checkManagers(tx, before.clientId, before.id, data);
      const { password: _password, ...fields } = data;
      const changes: Partial<typeof agents.$inferInsert> = {};
      for (const [key, value] of Object.entries(fields) as [keyof typeof fields, unknown][]) {
        if (value !== undefined && value !== before[key]) (changes as Record<string, unknown>)[key] = value;
      }
      if (passwordHash) changes.passwordHash = passwordHash;
      if (Object.keys(changes).length === 0) {
        const [same] = await tx.select(agentColumns).from(agents).where(eq(agents.id, before.id));
        return same!;
      }
      const [after] = await tx.update(agents).set(changes).where(eq(agents.id, before.id)).returning(agentColumns);
      const changed = Object.keys(changes).filter((key) => key !== 'passwordHash');
      await recordAudit(tx, ctx, {
        partnerId: ctx.partnerId,
        action: 'agent.updated',
        targetType: 'agent',
        targetId: before.id,
        before: Object.fromEntries(changed.map((key) => [key, before[key as keyof typeof before]])),
        after: { ...Object.fromEntries(changed.map((key) => [key, changes[key as keyof typeof changes]])), ...(passwordHash ? { password: 'changed' } : {}) },
      });
      await emitEvent(tx, ctx.partnerId, 'agent.updated', { ...eventData(after!), changed: [...changed, ...(passwordHash ? ['password'] : [])] });
      await publishAgent(tx, ctx.partnerId, toWallboardAgent(after!));
      return after!;
    });
  } catch (error) {
    uniqueFailure(error);
  }
}

/**
 * Deactivates an agent: the row, its extension and its history stay;
 * it goes offline and can take no calls. Agents it managed keep the link, so reports still read.
 */
export async function deactivateAgent(ctx: PartnerCtx, agentId: string): Promise<AgentView> {
  requirePartnerRole(ctx, 'admin');
  return getDb().transaction(async (tx) => {
    const before = await lockAgent(tx, ctx, agentId);
    if (before.status === 'inactive') {
      const [same] = await tx.select(agentColumns).from(agents).where(eq(agents.id, before.id));
      return same!;
    }
    if (before.availability === 'ringing' || before.availability === 'on_call') throw new AppError('conflict', 'This agent is on a call: deactivate them when it ends.');
    const now = new Date();
    const [after] = await tx
      .update(agents)
      .set({ status: 'inactive', deactivatedAt: now, availability: 'offline', availabilitySince: now, queuedAvailability: null })
      .where(eq(agents.id, before.id))
      .returning(agentColumns);
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'agent.deactivated', targetType: 'agent', targetId: before.id, before: { status: before.status, availability: before.availability }, after: { status: 'inactive' } });
    await emitEvent(tx, ctx.partnerId, 'agent.deactivated', eventData(after!));
    await publishAgent(tx, ctx.partnerId, toWallboardAgent(after!));
    return after!;
  });
}

/** Names of the given agents (for showing managers), scoped by partner. */
export async function agentNames(ctx: PartnerCtx, ids: string[]): Promise<Map<string, string>> {
  requirePartnerRole(ctx, 'member');
  if (!ids.length) return new Map();
  const rows = await getDb().select({ id: agents.id, name: agents.name }).from(agents).where(and(eq(agents.partnerId, ctx.partnerId), inArray(agents.id, ids)));
  return new Map(rows.map((row) => [row.id, row.name]));
}
