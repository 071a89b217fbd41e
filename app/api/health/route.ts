/**
 * Liveness for load balancers and the benchmark's baseline: answers without touching the database or any
 * session, so it says only that this process serves requests. Outside `/api/v1`, the proxy never runs on it.
 */
export function GET() {
  return Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
}
