import { AppError } from '@/lib/errors/app-error';
import { jsonFaceRouteHandlers } from '../json-face/route';
import { flowmatixEndpoints } from './endpoints';
import { flowmatixErrorResponse, flowmatixFace, flowmatixSuccess } from './envelope';
import { flowmatixGuidePath, flowmatixPrefix } from './paths';

/**
 * The Flowmatix face: `/compat/flowmatix/api/v1/partners/<endpoint>` on every host, dispatched from the mapping
 * table. Each request goes through the same pipeline as /api/v1 (host, key, X-Partner-ID, rate limit, scope,
 * Idempotency-Key, request log) with this face's envelope; each endpoint calls the domain function its REST
 * operation calls.
 */
export const flowmatixRouteHandlers = jsonFaceRouteHandlers({
  endpoints: flowmatixEndpoints,
  prefix: flowmatixPrefix,
  name: 'Flowmatix partner',
  guidePath: flowmatixGuidePath,
  face: flowmatixFace,
  errorResponse: flowmatixErrorResponse,
  success: flowmatixSuccess,
  // Switchboard's field names in domain errors, back to the ones a Flowmatix client sent.
  names: { client_id: 'customer_id', clientId: 'customer_id', plan_id: 'plan', planId: 'plan', billing_period: 'billing_cycle', billingPeriod: 'billing_cycle', event_types: 'events', eventTypes: 'events', from: 'start_date', to: 'end_date', startDate: 'start_date', endDate: 'end_date' },
  admit(request, ctx) {
    // Flowmatix's clients always send it; a mismatch is refused by the shared pipeline (partner_mismatch).
    if (!request.headers.get('x-partner-id')) throw new AppError('partner_id_required', `Send X-Partner-ID: ${ctx.livePartnerId}, the partner of this API key, as Flowmatix’s partner API requires.`);
  },
});
