import { streamAgentsAvailabilityOperation } from '@/lib/api/operations/agents';
import { apiRoutes, apiStreamRoute } from '@/lib/api/route';
import { wallboardStream } from '@/lib/agents/wallboard';
import { sseResponse } from '@/lib/live/sse';

export const dynamic = 'force-dynamic';

// GET /api/v1/agents/availability/stream – server-sent events: a snapshot, then each change
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiStreamRoute(streamAgentsAvailabilityOperation, async ({ ctx, query, request }) => sseResponse({ start: await wallboardStream(ctx, { clientId: query.client_id }), signal: request.signal })),
});
