import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { webhookDeliveries } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { conflict } from '@/lib/errors/app-error';
import { emitEvent } from '@/lib/events/emit-event';
import { loadDelivery, type DeliveryView } from './deliveries';
import { lockEndpoint } from './manage-endpoints';

/** Queues a `webhook_endpoint.test` event for this endpoint alone, whatever it subscribes to. */
export async function sendTestEvent(ctx: PartnerCtx, endpointId: string): Promise<DeliveryView> {
  requirePartnerRole(ctx, 'admin');
  return getDb().transaction(async (tx) => {
    const endpoint = await lockEndpoint(tx, ctx, endpointId);
    if (endpoint.status !== 'enabled') throw conflict('This endpoint is disabled; enable it before sending a test event.');
    const event = await emitEvent(tx, ctx.partnerId, 'webhook_endpoint.test', { webhook_endpoint: { id: endpoint.id, url: endpoint.url }, message: 'A test event. Answer with any 2xx status to acknowledge it.' }, endpoint.id);
    const [delivery] = await tx.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(and(eq(webhookDeliveries.eventId, event.id), eq(webhookDeliveries.endpointId, endpoint.id)));
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'webhook_endpoint.test_sent', targetType: 'webhook_endpoint', targetId: endpoint.id, after: { eventId: event.id } });
    return loadDelivery(tx, ctx.partnerId, delivery!.id);
  });
}
