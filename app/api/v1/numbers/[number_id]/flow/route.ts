import { listNumberFlowsOperation, mapFlowOperation, toMappingResource } from '@/lib/api/operations/flows';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { mapFlowToNumber, mappingHistory } from '@/lib/flows/map-flow';
import { getNumber } from '@/lib/numbers/client-numbers';

// GET/PUT /api/v1/numbers/:number_id/flow – the flow a number runs, and its history
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(listNumberFlowsOperation, async ({ ctx, params }) => {
    await getNumber(ctx, params.number_id);
    return { object: 'list', data: (await mappingHistory(ctx, { numberId: params.number_id })).map(toMappingResource), has_more: false };
  }),
  PUT: apiRoute(mapFlowOperation, async ({ ctx, params, body }) => {
    await mapFlowToNumber(ctx, body.flow_id, params.number_id);
    return { object: 'list', data: (await mappingHistory(ctx, { numberId: params.number_id })).map(toMappingResource), has_more: false };
  }),
});
