import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { events, partners, webhookAttempts, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { logger } from '@/lib/log/logger';
import { safeErrorStack } from '@/lib/log/safe-error';
import { announceEndpointDisabled, type DisableCause } from '@/lib/webhooks/announce-endpoint-disabled';
import { signingSecrets } from '@/lib/webhooks/endpoint-secrets';
import { sendWebhook, type SendResult } from '@/lib/webhooks/send-webhook';
import { formatWebhookBody } from '@/lib/webhooks/payload-formats';
import { webhookHeaders } from '@/lib/webhooks/sign';
import type { Resolver } from '@/lib/webhooks/ssrf-guard';
import { allowsPrivateTargets } from '@/lib/webhooks/target-policy';
import type { Claim } from './claim-deliveries';
import { disableAfterFailingMs, nextAttemptAt, parseRetryAfter } from './retry-schedule';

export type DeliverOptions = {
  now: () => Date;
  timeoutMs: number;
  resolve?: Resolver;
};

/** Everything one attempt needs, read in one query for a whole batch. */
async function loadClaimed(ids: string[]) {
  return getDb()
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints, event: events, partnerKind: partners.kind })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
    .innerJoin(partners, eq(partners.id, webhookDeliveries.partnerId))
    .where(inArray(webhookDeliveries.id, ids));
}

type Loaded = Awaited<ReturnType<typeof loadClaimed>>[number];

const stillOurs = (claim: Claim) => and(eq(webhookDeliveries.id, claim.id), eq(webhookDeliveries.status, 'delivering'), eq(webhookDeliveries.leaseUntil, claim.leaseUntil));

const isSuccess = (status: number | null) => status !== null && status >= 200 && status < 300;

async function disableEndpoint(tx: Tx, endpoint: Loaded['endpoint'], cause: DisableCause, reason: string) {
  const [disabled] = await tx
    .update(webhookEndpoints)
    .set({ status: 'disabled', disabledReason: reason })
    .where(and(eq(webhookEndpoints.id, endpoint.id), eq(webhookEndpoints.status, 'enabled')))
    .returning({ id: webhookEndpoints.id, url: webhookEndpoints.url, description: webhookEndpoints.description, eventTypes: webhookEndpoints.eventTypes, failingSince: webhookEndpoints.failingSince });
  // Another delivery may have disabled it a moment earlier; one notice is enough.
  if (!disabled) return;
  await recordAudit(tx, systemCtx, { partnerId: endpoint.partnerId, action: 'webhook_endpoint.disabled', targetType: 'webhook_endpoint', targetId: endpoint.id, before: { status: 'enabled' }, after: { status: 'disabled', disabledReason: reason } });
  // Nobody may be watching the audit log or the server log: the partner hears of it by event and e-mail.
  await announceEndpointDisabled(tx, { ...disabled, partnerId: endpoint.partnerId }, cause, reason);
  logger.warn('webhook endpoint disabled', { endpointId: endpoint.id, partnerId: endpoint.partnerId, reason });
}

/** Records an attempt and decides what follows: done, failed, or the next try on the schedule. */
async function recordOutcome(claim: Claim, loaded: Loaded, result: SendResult, payload: unknown, at: Date) {
  const { delivery, endpoint } = loaded;
  await getDb().transaction(async (tx) => {
    // The endpoint (and with it the delivery) may have been deleted while the request was in flight.
    const [current] = await tx.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(eq(webhookDeliveries.id, delivery.id)).for('update');
    if (!current) return;
    await tx.insert(webhookAttempts).values({
      deliveryId: delivery.id,
      partnerId: delivery.partnerId,
      responseStatus: result.status,
      responseBodyExcerpt: result.bodyExcerpt,
      error: result.error,
      durationMs: result.durationMs,
      attemptedAt: at,
      payload,
    });
    const attemptCount = delivery.attemptCount + 1;
    const last = { attemptCount, lastResponseStatus: result.status, lastError: result.error, leaseUntil: null };

    if (isSuccess(result.status)) {
      const [done] = await tx.update(webhookDeliveries).set({ ...last, status: 'succeeded', completedAt: at }).where(stillOurs(claim)).returning({ id: webhookDeliveries.id });
      if (done) await tx.update(webhookEndpoints).set({ failingSince: null }).where(and(eq(webhookEndpoints.id, endpoint.id), isNotNull(webhookEndpoints.failingSince)));
      return;
    }

    if (result.status === 410) {
      const [done] = await tx.update(webhookDeliveries).set({ ...last, status: 'failed', completedAt: at }).where(stillOurs(claim)).returning({ id: webhookDeliveries.id });
      if (done) await disableEndpoint(tx, endpoint, 'gone', `The endpoint answered 410 Gone on ${at.toISOString()}; it asked not to receive any more deliveries.`);
      return;
    }

    // Raw SQL binds times as ISO strings: postgres.js cannot bind a Date inside a fragment.
    const [marked] = await tx
      .update(webhookEndpoints)
      .set({ failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${at.toISOString()}::timestamptz)` })
      .where(eq(webhookEndpoints.id, endpoint.id))
      .returning({ failingSince: webhookEndpoints.failingSince });
    const failingSince = marked?.failingSince ?? at;
    const failingTooLong = at.getTime() - failingSince.getTime() >= disableAfterFailingMs;
    const next = failingTooLong ? null : nextAttemptAt(attemptCount, at, parseRetryAfter(result.retryAfter, at));
    const [done] = await tx
      .update(webhookDeliveries)
      .set(next ? { ...last, status: 'pending', nextAttemptAt: next } : { ...last, status: 'failed', completedAt: at })
      .where(stillOurs(claim))
      .returning({ id: webhookDeliveries.id });
    if (done && failingTooLong) {
      await disableEndpoint(tx, endpoint, 'failing', `Deliveries failed without a single success from ${failingSince.toISOString()} to ${at.toISOString()} (5 days).`);
    }
  });
}

async function failWithoutAttempt(claim: Claim, reason: string, at: Date) {
  await getDb().update(webhookDeliveries).set({ status: 'failed', lastError: reason, completedAt: at, leaseUntil: null }).where(stillOurs(claim));
}

async function deliverOne(claim: Claim, loaded: Loaded, options: DeliverOptions) {
  const at = options.now();
  if (loaded.endpoint.status !== 'enabled') return failWithoutAttempt(claim, 'The endpoint is disabled.', at);
  const body = formatWebhookBody(loaded.endpoint.payloadFormat, loaded.event);
  const headers = webhookHeaders(signingSecrets(loaded.endpoint, at), loaded.event.id, at, body);
  const result = await sendWebhook(loaded.endpoint.url, body, headers, { allowPrivate: allowsPrivateTargets(loaded.partnerKind), timeoutMs: options.timeoutMs, resolve: options.resolve });
  await recordOutcome(claim, loaded, result, JSON.parse(body), at);
}

/**
 * Carries out claimed deliveries, all at once so that a batch takes one timeout at most and ends well inside
 * its lease. One failing delivery never stops the others.
 */
export async function deliverClaimed(claims: Claim[], options: DeliverOptions): Promise<void> {
  if (claims.length === 0) return;
  const loaded = new Map((await loadClaimed(claims.map((claim) => claim.id))).map((row) => [row.delivery.id, row]));
  await Promise.all(
    claims.map(async (claim) => {
      const row = loaded.get(claim.id);
      // Taken over by another worker since (this one overran its lease): that one sends it.
      if (!row || row.delivery.status !== 'delivering' || row.delivery.leaseUntil?.getTime() !== claim.leaseUntil.getTime()) return;
      try {
        await deliverOne(claim, row, options);
      } catch (error) {
        // Left as it is, the claim's lease runs out and another round tries again.
        logger.error('webhook delivery failed unexpectedly', { deliveryId: claim.id, error: safeErrorStack(error) });
      }
    }),
  );
}
