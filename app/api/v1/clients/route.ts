import { listClientsOperation, toClientResource } from '@/lib/api/operations/clients';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { listClients } from '@/lib/clients/manage-clients';

// GET /api/v1/clients – list clients
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(listClientsOperation, async ({ ctx, query }) => {
    const { created_gte, created_lte, ...rest } = query;
    const page = await listClients(ctx, { ...rest, createdFrom: created_gte ? new Date(created_gte) : undefined, createdTo: created_lte ? new Date(created_lte) : undefined });
    return { object: 'list', data: page.data.map(toClientResource), has_more: page.has_more };
  }),
});
