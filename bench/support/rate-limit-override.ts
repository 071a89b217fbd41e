import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { partners } from '@/db/schema';

/** Sets a partner's hourly limit directly: the benchmark measures the limiter, not the operator console. */
export async function setRateLimitForBench(partnerId: string, limit: number) {
  await getDb().update(partners).set({ rateLimitPerHour: limit }).where(eq(partners.id, partnerId));
}
