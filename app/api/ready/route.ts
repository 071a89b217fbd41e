import { readiness } from '@/lib/edge/readiness';

/**
 * Readiness for load balancers: whether this process can serve requests that need the database. Unlike
 * /api/health (liveness: the process answers at all), this asks PostgreSQL, so an instance that cannot reach it
 * is taken out of rotation rather than restarted.
 */
export async function GET() {
  const { ready, body } = await readiness();
  return Response.json(body, { status: ready ? 200 : 503, headers: { 'cache-control': 'no-store', ...(ready ? {} : { 'Retry-After': '2' }) } });
}
