import { openApiDocument } from '@/lib/api/openapi/document';

// GET /api/v1/openapi.json – the OpenAPI 3.1 document (public, so tools can fetch it without a key)
export function GET() {
  return Response.json(openApiDocument(), { headers: { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' } });
}
