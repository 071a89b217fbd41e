import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { getDb, type Queryable } from '@/db';
import { events, webhookAttempts, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { cursorClauses } from '@/lib/pagination/cursor-sql';
import { cursorQuery, toPage, type ListParams, type Page } from '@/lib/pagination/cursor';
import type { PartnerCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { conflict, notFound } from '@/lib/errors/app-error';
import type { EventView } from '@/lib/events/list-events';

export type DeliveryStatus = 'pending' | 'delivering' | 'succeeded' | 'failed';

export type AttemptView = {
  id: string;
  attemptedAt: Date;
  /** True for a 2xx answer. */
  succeeded: boolean;
  responseStatus: number | null;
  /** The first 2 KB of what the receiver answered. */
  responseBodyExcerpt: string | null;
  /** Why no answer came (refused, unreachable, timed out). */
  error: string | null;
  durationMs: number;
};

export type DeliveryView = {
  id: string;
  endpointId: string;
  status: DeliveryStatus;
  attemptCount: number;
  /** When the next attempt is due, while one is. */
  nextAttemptAt: Date | null;
  lastResponseStatus: number | null;
  lastError: string | null;
  completedAt: Date | null;
  createdAt: Date;
  event: EventView;
  /** Oldest first. */
  attempts: AttemptView[];
};

const deliveryColumns = {
  id: webhookDeliveries.id,
  endpointId: webhookDeliveries.endpointId,
  status: webhookDeliveries.status,
  attemptCount: webhookDeliveries.attemptCount,
  nextAttemptAt: webhookDeliveries.nextAttemptAt,
  lastResponseStatus: webhookDeliveries.lastResponseStatus,
  lastError: webhookDeliveries.lastError,
  completedAt: webhookDeliveries.completedAt,
  createdAt: webhookDeliveries.createdAt,
  event: { id: events.id, type: events.type, data: events.data, createdAt: events.createdAt },
};

type DeliveryRow = Omit<DeliveryView, 'attempts'>;

/** Adds each delivery's attempts with one query. */
async function withAttempts(q: Queryable, rows: DeliveryRow[]): Promise<DeliveryView[]> {
  if (rows.length === 0) return [];
  const attempts = await q
    .select({
      id: webhookAttempts.id,
      deliveryId: webhookAttempts.deliveryId,
      attemptedAt: webhookAttempts.attemptedAt,
      responseStatus: webhookAttempts.responseStatus,
      responseBodyExcerpt: webhookAttempts.responseBodyExcerpt,
      error: webhookAttempts.error,
      durationMs: webhookAttempts.durationMs,
    })
    .from(webhookAttempts)
    .where(inArray(webhookAttempts.deliveryId, rows.map((row) => row.id)))
    .orderBy(asc(webhookAttempts.id));
  return rows.map((row) => ({
    ...row,
    nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt : null,
    attempts: attempts
      .filter((attempt) => attempt.deliveryId === row.id)
      .map((attempt) => ({
        id: attempt.id,
        attemptedAt: attempt.attemptedAt,
        succeeded: attempt.responseStatus !== null && attempt.responseStatus >= 200 && attempt.responseStatus < 300,
        responseStatus: attempt.responseStatus,
        responseBodyExcerpt: attempt.responseBodyExcerpt,
        error: attempt.error,
        durationMs: attempt.durationMs,
      })),
  }));
}

async function selectDeliveries(q: Queryable, where: SQL | undefined, orderBy?: SQL, limit = 1): Promise<DeliveryView[]> {
  const base = q.select(deliveryColumns).from(webhookDeliveries).innerJoin(events, eq(events.id, webhookDeliveries.eventId)).where(where);
  const rows = (await (orderBy ? base.orderBy(orderBy) : base).limit(limit)) as DeliveryRow[];
  return withAttempts(q, rows);
}

/** One delivery of the caller's partner by id, inside `q`. */
export async function loadDelivery(q: Queryable, partnerId: string, deliveryId: string): Promise<DeliveryView> {
  const [delivery] = await selectDeliveries(q, and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.partnerId, partnerId)));
  if (!delivery) throw notFound('Webhook delivery');
  return delivery;
}

export type DeliveryFilters = { status?: DeliveryStatus };

/** An endpoint's deliveries, newest first, each with its event and its attempts. */
export async function listDeliveries(ctx: PartnerCtx, endpointId: string, listParams: Partial<ListParams> & DeliveryFilters = {}): Promise<Page<DeliveryView>> {
  requirePartnerRole(ctx, 'member');
  const [endpoint] = await getDb()
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.partnerId, ctx.partnerId)));
  if (!endpoint) throw notFound('Webhook endpoint');
  const query = cursorQuery({ ...listParams, limit: listParams.limit ?? 20 });
  const { where, orderBy } = cursorClauses(webhookDeliveries.id, query);
  const filters = and(eq(webhookDeliveries.partnerId, ctx.partnerId), eq(webhookDeliveries.endpointId, endpoint.id), where, listParams.status ? eq(webhookDeliveries.status, listParams.status) : undefined);
  return toPage(await selectDeliveries(getDb(), filters, orderBy, query.take), query);
}

export async function getDelivery(ctx: PartnerCtx, deliveryId: string): Promise<DeliveryView> {
  requirePartnerRole(ctx, 'member');
  return loadDelivery(getDb(), ctx.partnerId, deliveryId);
}

/**
 * Sends a delivery's event to its endpoint once more, as a new delivery due now. It carries the same event id
 * (`webhook-id`), so a receiver that already processed it can tell.
 */
export async function resendDelivery(ctx: PartnerCtx, deliveryId: string): Promise<DeliveryView> {
  requirePartnerRole(ctx, 'admin');
  return getDb().transaction(async (tx) => {
    const [original] = await tx
      .select({ id: webhookDeliveries.id, endpointId: webhookDeliveries.endpointId, eventId: webhookDeliveries.eventId, endpointStatus: webhookEndpoints.status })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.partnerId, ctx.partnerId)));
    if (!original) throw notFound('Webhook delivery');
    if (original.endpointStatus !== 'enabled') throw conflict('This endpoint is disabled; enable it before resending.');
    const [created] = await tx.insert(webhookDeliveries).values({ partnerId: ctx.partnerId, endpointId: original.endpointId, eventId: original.eventId }).returning({ id: webhookDeliveries.id });
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'webhook_delivery.resent', targetType: 'webhook_delivery', targetId: created!.id, after: { resentFrom: original.id, eventId: original.eventId, endpointId: original.endpointId } });
    return loadDelivery(tx, ctx.partnerId, created!.id);
  });
}
