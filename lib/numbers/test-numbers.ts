import { randomInt } from 'node:crypto';
import { getDb } from '@/db';
import { numbers, type NumberEnvironment } from '@/db/schema';

/**
 * An inventory number nobody else has (tests share one database): a twelve-digit national number ending in
 * `ending`, so the carrier simulator's magic values (…1111 taken, …2222 failed, …3333 slow) can be reached.
 */
export async function freshInventoryNumber(ending = '4501', environment: NumberEnvironment = 'live', type: 'local' | 'mobile' | 'toll_free' = 'local') {
  const digits = `7${String(randomInt(0, 10_000_000)).padStart(7, '0')}${ending}`;
  const [row] = await getDb().insert(numbers).values({ environment, carrier: 'simulator', e164: `+91${digits}`, digits, country: 'IN', region: 'DL', type }).returning();
  return row!;
}
