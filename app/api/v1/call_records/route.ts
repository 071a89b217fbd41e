import { listCallRecordsOperation, toCallRecordResource } from '@/lib/api/operations/masking';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { listCallRecords } from '@/lib/calls/call-records';

// GET /api/v1/call_records – call legs
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(listCallRecordsOperation, async ({ ctx, query }) => {
    const page = await listCallRecords(ctx, query);
    return { object: 'list', data: page.data.map(toCallRecordResource), has_more: page.has_more };
  }),
});
