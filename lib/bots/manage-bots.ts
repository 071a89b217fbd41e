import { and, eq, type SQL } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { clients, voiceBots } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { seal } from '@/lib/crypto/secret-box';
import { notFound } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { cursorClauses } from '@/lib/pagination/cursor-sql';
import { cursorQuery, toPage, type ListParams, type Page } from '@/lib/pagination/cursor';
import type { Resolver } from '@/lib/webhooks/ssrf-guard';
import { partnerKind } from '@/lib/webhooks/target-policy';
import { createVoiceBotSchema, headerHint, updateVoiceBotSchema, type CreateVoiceBotInput, type UpdateVoiceBotInput } from './schemas';
import { assertAllowedBotUrl } from './target-policy';

/** Everything that may be shown of a bot: the header's hint, never the header. */
export const botColumns = {
  id: voiceBots.id,
  clientId: voiceBots.clientId,
  name: voiceBots.name,
  purpose: voiceBots.purpose,
  apiUrl: voiceBots.apiUrl,
  wssUrl: voiceBots.wssUrl,
  authHeaderHint: voiceBots.authHeaderHint,
  createdAt: voiceBots.createdAt,
  updatedAt: voiceBots.updatedAt,
};

export type VoiceBotView = { id: string; clientId: string; name: string; purpose: string; apiUrl: string | null; wssUrl: string; authHeaderHint: string | null; createdAt: Date; updatedAt: Date };

export type BotDeps = { resolve?: Resolver };

const ownBot = (ctx: PartnerCtx, botId: string): SQL => and(eq(voiceBots.id, botId), eq(voiceBots.partnerId, ctx.partnerId))!;

/** What the audit trail keeps of a change: whether the header changed, never what it is. */
function auditable(fields: Record<string, unknown>) {
  const { authHeader, ...rest } = fields;
  return authHeader === undefined ? rest : { ...rest, authHeader: authHeader ? 'replaced' : 'removed' };
}

async function checkUrls(ctx: PartnerCtx, data: { wssUrl?: string; apiUrl?: string | null }, deps: BotDeps) {
  const kind = await partnerKind(ctx.partnerId);
  if (data.wssUrl) await assertAllowedBotUrl('wssUrl', data.wssUrl, kind, deps.resolve);
  if (data.apiUrl) await assertAllowedBotUrl('apiUrl', data.apiUrl, kind, deps.resolve);
}

async function ownClient(tx: Tx, ctx: PartnerCtx, clientId: string) {
  const [client] = await tx.select({ id: clients.id }).from(clients).where(and(eq(clients.id, clientId), eq(clients.partnerId, ctx.partnerId)));
  if (!client) throw notFound('Client');
}

export async function createVoiceBot(ctx: PartnerCtx, clientId: string, input: Untrusted<CreateVoiceBotInput>, deps: BotDeps = {}): Promise<VoiceBotView> {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(createVoiceBotSchema, input);
  await checkUrls(ctx, data, deps);
  return getDb().transaction(async (tx) => {
    await ownClient(tx, ctx, clientId);
    const [bot] = await tx
      .insert(voiceBots)
      .values({
        partnerId: ctx.partnerId,
        clientId,
        name: data.name,
        purpose: data.purpose,
        apiUrl: data.apiUrl,
        wssUrl: data.wssUrl,
        authHeaderCiphertext: data.authHeader ? seal(data.authHeader) : null,
        authHeaderHint: data.authHeader ? headerHint(data.authHeader) : null,
      })
      .returning(botColumns);
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'voice_bot.created', targetType: 'voice_bot', targetId: bot!.id, after: auditable({ ...data, clientId }) });
    return bot!;
  });
}

export async function listVoiceBots(ctx: PartnerCtx, filters: { clientId?: string } & Partial<ListParams> = {}): Promise<Page<VoiceBotView>> {
  requirePartnerRole(ctx, 'member');
  const query = cursorQuery({ ...filters, limit: filters.limit ?? 100 });
  const { where, orderBy } = cursorClauses(voiceBots.id, query);
  const rows = await getDb()
    .select(botColumns)
    .from(voiceBots)
    .where(and(eq(voiceBots.partnerId, ctx.partnerId), filters.clientId ? eq(voiceBots.clientId, filters.clientId) : undefined, where))
    .orderBy(orderBy)
    .limit(query.take);
  return toPage(rows, query);
}

export async function getVoiceBot(ctx: PartnerCtx, botId: string): Promise<VoiceBotView> {
  requirePartnerRole(ctx, 'member');
  const [row] = await getDb().select(botColumns).from(voiceBots).where(ownBot(ctx, botId)).limit(1);
  if (!row) throw notFound('Voice bot');
  return row;
}

export async function updateVoiceBot(ctx: PartnerCtx, botId: string, input: Untrusted<UpdateVoiceBotInput>, deps: BotDeps = {}): Promise<VoiceBotView> {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(updateVoiceBotSchema, input);
  await getVoiceBot(ctx, botId);
  await checkUrls(ctx, data, deps);
  return getDb().transaction(async (tx) => {
    const [before] = await tx.select().from(voiceBots).where(ownBot(ctx, botId)).for('update');
    if (!before) throw notFound('Voice bot');
    const changes: Partial<typeof voiceBots.$inferInsert> = {};
    if (data.name !== undefined && data.name !== before.name) changes.name = data.name;
    if (data.purpose !== undefined && data.purpose !== before.purpose) changes.purpose = data.purpose;
    if (data.apiUrl !== undefined && data.apiUrl !== before.apiUrl) changes.apiUrl = data.apiUrl;
    if (data.wssUrl !== undefined && data.wssUrl !== before.wssUrl) changes.wssUrl = data.wssUrl;
    if (data.authHeader !== undefined) {
      changes.authHeaderCiphertext = data.authHeader ? seal(data.authHeader) : null;
      changes.authHeaderHint = data.authHeader ? headerHint(data.authHeader) : null;
    }
    if (Object.keys(changes).length === 0) return (await tx.select(botColumns).from(voiceBots).where(eq(voiceBots.id, before.id)))[0]!;
    const [after] = await tx.update(voiceBots).set(changes).where(eq(voiceBots.id, before.id)).returning(botColumns);
    const changed = (['name', 'purpose', 'apiUrl', 'wssUrl'] as const).filter((key) => key in changes);
    await recordAudit(tx, ctx, {
      partnerId: ctx.partnerId,
      action: 'voice_bot.updated',
      targetType: 'voice_bot',
      targetId: before.id,
      before: Object.fromEntries(changed.map((key) => [key, before[key]])),
      after: auditable({ ...Object.fromEntries(changed.map((key) => [key, changes[key]])), authHeader: data.authHeader === undefined ? undefined : data.authHeader }),
    });
    return after!;
  });
}

/** Deletes a bot; its sealed header goes with it. */
export async function deleteVoiceBot(ctx: PartnerCtx, botId: string): Promise<{ id: string }> {
  requirePartnerRole(ctx, 'admin');
  return getDb().transaction(async (tx) => {
    const [row] = await tx.delete(voiceBots).where(ownBot(ctx, botId)).returning({ id: voiceBots.id, name: voiceBots.name, wssUrl: voiceBots.wssUrl });
    if (!row) throw notFound('Voice bot');
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'voice_bot.deleted', targetType: 'voice_bot', targetId: row.id, before: { name: row.name, wssUrl: row.wssUrl } });
    return { id: row.id };
  });
}
