import { getCallRecordOperation, toCallRecordResource } from '@/lib/api/operations/masking';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { getCallRecord } from '@/lib/calls/call-records';

// GET /api/v1/call_records/:call_record_id – one call leg
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getCallRecordOperation, async ({ ctx, params }) => toCallRecordResource(await getCallRecord(ctx, params.call_record_id))),
});
