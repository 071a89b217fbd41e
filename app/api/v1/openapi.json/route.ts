import { openApiDocument } from '@/lib/api/openapi/document';
import { apiRoutes } from '@/lib/api/route';
import { unknownHostProblem } from '@/lib/api/unrouted';

// GET /api/v1/openapi.json – the OpenAPI 3.1 document (public, so tools can fetch it without a key; not on a host
// that serves no partner); other methods get the API's 405 problem rather than Next's empty one.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: async (request) => (await unknownHostProblem(request)) ?? Response.json(openApiDocument(), { headers: { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' } }),
});
