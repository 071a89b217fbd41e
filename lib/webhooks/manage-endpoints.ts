import { and, eq, type SQL } from 'drizzle-orm';
import { getDb, type Queryable } from '@/db';
import { webhookEndpoints } from '@/db/schema';
import { cursorClauses } from '@/lib/pagination/cursor-sql';
import { cursorQuery, toPage, type ListParams, type Page } from '@/lib/pagination/cursor';
import type { PartnerCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { seal } from '@/lib/crypto/secret-box';
import { notFound } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { createWebhookEndpointSchema, updateWebhookEndpointSchema, type CreateWebhookEndpointInput, type UpdateWebhookEndpointInput } from './schemas';
import type { PayloadFormat } from './payload-formats';
import { generateWebhookSecret } from './sign';
import type { Resolver } from './ssrf-guard';
import { assertAllowedTarget, partnerKind } from './target-policy';

/** What anyone may see of an endpoint: everything but its secrets. */
export const endpointColumns = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  description: webhookEndpoints.description,
  eventTypes: webhookEndpoints.eventTypes,
  status: webhookEndpoints.status,
  disabledReason: webhookEndpoints.disabledReason,
  failingSince: webhookEndpoints.failingSince,
  previousSecretExpiresAt: webhookEndpoints.previousSecretExpiresAt,
  payloadFormat: webhookEndpoints.payloadFormat,
  createdAt: webhookEndpoints.createdAt,
  updatedAt: webhookEndpoints.updatedAt,
};

export type WebhookEndpointView = {
  id: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  status: 'enabled' | 'disabled';
  disabledReason: string | null;
  failingSince: Date | null;
  /** While a rotated-out secret still signs deliveries: until when. */
  previousSecretExpiresAt: Date | null;
  payloadFormat: PayloadFormat;
  createdAt: Date;
  updatedAt: Date;
};

/** Lets tests (and nothing else) answer DNS questions for the SSRF check. */
export type TargetCheckDeps = { resolve?: Resolver };

const ownEndpoint = (ctx: PartnerCtx, endpointId: string): SQL => and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.partnerId, ctx.partnerId))!;

/** The caller's endpoint, locked for a change in `q`, or not_found. */
export async function lockEndpoint(q: Queryable, ctx: PartnerCtx, endpointId: string) {
  const [row] = await q.select().from(webhookEndpoints).where(ownEndpoint(ctx, endpointId)).for('update');
  if (!row) throw notFound('Webhook endpoint');
  return row;
}

/** Creates an endpoint and returns its signing secret this once (it can be revealed again by an admin). */
/** A compatibility face passes the payload format its platform's receivers expect; everything else is the same. */
export async function createWebhookEndpoint(
  ctx: PartnerCtx,
  input: Untrusted<CreateWebhookEndpointInput>,
  deps: TargetCheckDeps & { payloadFormat?: PayloadFormat } = {},
): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(createWebhookEndpointSchema, input);
  await assertAllowedTarget(data.url, await partnerKind(ctx.partnerId), deps.resolve);
  const secret = generateWebhookSecret();
  const endpoint = await getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({ partnerId: ctx.partnerId, url: data.url, description: data.description, eventTypes: data.eventTypes, secretCiphertext: seal(secret), payloadFormat: deps.payloadFormat ?? 'standard' })
      .returning(endpointColumns);
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'webhook_endpoint.created', targetType: 'webhook_endpoint', targetId: row!.id, after: { url: data.url, description: data.description, eventTypes: data.eventTypes, payloadFormat: row!.payloadFormat } });
    return row!;
  });
  return { endpoint, secret };
}

/** The caller’s endpoints, newest first (100 unless a limit is given). */
export async function listWebhookEndpoints(ctx: PartnerCtx, listParams: Partial<ListParams> = {}): Promise<Page<WebhookEndpointView>> {
  requirePartnerRole(ctx, 'member');
  const query = cursorQuery({ ...listParams, limit: listParams.limit ?? 100 });
  const { where, orderBy } = cursorClauses(webhookEndpoints.id, query);
  const rows = await getDb().select(endpointColumns).from(webhookEndpoints).where(and(eq(webhookEndpoints.partnerId, ctx.partnerId), where)).orderBy(orderBy).limit(query.take);
  return toPage(rows, query);
}

export async function getWebhookEndpoint(ctx: PartnerCtx, endpointId: string): Promise<WebhookEndpointView> {
  requirePartnerRole(ctx, 'member');
  const [row] = await getDb().select(endpointColumns).from(webhookEndpoints).where(ownEndpoint(ctx, endpointId)).limit(1);
  if (!row) throw notFound('Webhook endpoint');
  return row;
}

/**
 * Changes an endpoint. Disabling stops deliveries (pending ones fail when their turn comes); enabling again
 * forgets why it was disabled and since when it was failing, so it gets a fresh five days.
 */
export async function updateWebhookEndpoint(ctx: PartnerCtx, endpointId: string, input: Untrusted<UpdateWebhookEndpointInput>, deps: TargetCheckDeps = {}): Promise<WebhookEndpointView> {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(updateWebhookEndpointSchema, input);
  // Check the new URL before opening the transaction: DNS may be slow and must not hold a row lock.
  if (data.url !== undefined) {
    await getWebhookEndpoint(ctx, endpointId);
    await assertAllowedTarget(data.url, await partnerKind(ctx.partnerId), deps.resolve);
  }
  return getDb().transaction(async (tx) => {
    const before = await lockEndpoint(tx, ctx, endpointId);
    const changes: Partial<typeof webhookEndpoints.$inferInsert> = {};
    if (data.url !== undefined && data.url !== before.url) changes.url = data.url;
    if (data.description !== undefined && data.description !== before.description) changes.description = data.description;
    if (data.eventTypes !== undefined && JSON.stringify(data.eventTypes) !== JSON.stringify(before.eventTypes)) changes.eventTypes = data.eventTypes;
    if (data.status !== undefined && data.status !== before.status) {
      changes.status = data.status;
      if (data.status === 'enabled') Object.assign(changes, { disabledReason: null, failingSince: null });
      else changes.disabledReason = 'Disabled by a team member.';
    }
    if (Object.keys(changes).length === 0) {
      const [unchanged] = await tx.select(endpointColumns).from(webhookEndpoints).where(eq(webhookEndpoints.id, before.id));
      return unchanged!;
    }
    const [after] = await tx.update(webhookEndpoints).set(changes).where(eq(webhookEndpoints.id, before.id)).returning(endpointColumns);
    const fields = Object.keys(changes) as (keyof typeof changes)[];
    await recordAudit(tx, ctx, {
      partnerId: ctx.partnerId,
      action: 'webhook_endpoint.updated',
      targetType: 'webhook_endpoint',
      targetId: before.id,
      before: Object.fromEntries(fields.map((field) => [field, before[field as keyof typeof before]])),
      after: Object.fromEntries(fields.map((field) => [field, changes[field]])),
    });
    return after!;
  });
}

/** Deletes an endpoint with its deliveries and their attempts; the events themselves stay. */
export async function deleteWebhookEndpoint(ctx: PartnerCtx, endpointId: string): Promise<{ id: string }> {
  requirePartnerRole(ctx, 'admin');
  return getDb().transaction(async (tx) => {
    const [row] = await tx.delete(webhookEndpoints).where(ownEndpoint(ctx, endpointId)).returning({ id: webhookEndpoints.id, url: webhookEndpoints.url, eventTypes: webhookEndpoints.eventTypes });
    if (!row) throw notFound('Webhook endpoint');
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'webhook_endpoint.deleted', targetType: 'webhook_endpoint', targetId: row.id, before: { url: row.url, eventTypes: row.eventTypes } });
    return { id: row.id };
  });
}
