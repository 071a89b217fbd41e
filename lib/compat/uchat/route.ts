import { jsonFaceRouteHandlers } from '../json-face/route';
import { uchatEndpoints } from './endpoints';
import { uchatErrorResponse, uchatFace, uchatSuccess } from './envelope';
import { uchatGuidePath, uchatPrefix } from './paths';

/**
 * The UChat face: `/api/partner/<endpoint>` on every host, dispatched from the mapping table. Each request goes
 * through the same pipeline as /api/v1 (host, Bearer key, rate limit, scope, Idempotency-Key, request log) with
 * this face's envelope; each endpoint calls the domain function its REST operation calls.
 */
export const uchatRouteHandlers = jsonFaceRouteHandlers({
  endpoints: uchatEndpoints,
  prefix: uchatPrefix,
  name: 'UChat partner',
  guidePath: uchatGuidePath,
  face: uchatFace,
  errorResponse: uchatErrorResponse,
  success: uchatSuccess,
  // Switchboard's field names in domain errors, back to the ones a UChat client sent.
  names: { client_id: 'user_id', clientId: 'user_id', workspace_id: 'workspaceId', plan_id: 'plan', planId: 'plan', addon_id: 'addon', addonId: 'addon', quantity: 'quantity', event_types: 'events', eventTypes: 'events', template_id: 'template_ns', legalName: 'company_name', addressLine1: 'address', addressLine2: 'address_2', pincode: 'zip', gstin: 'tax_id' },
});
