import { listAuditLogOperation, toAuditEntryResource } from '@/lib/api/operations/audit';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { listAuditLog } from '@/lib/audit/list-audit';

// GET /api/v1/audit_log – the partner's audit log
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(listAuditLogOperation, async ({ ctx, query }) => {
    const page = await listAuditLog(ctx, query);
    return { object: 'list', data: page.data.map(toAuditEntryResource), has_more: page.has_more };
  }),
});
