/**
 * The caller's IP: the first X-Forwarded-For hop set by the load balancer in front of the app, else
 * X-Real-IP. Only used for throttling and the audit trail, never for access decisions.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || headers.get('x-real-ip') || null;
}
