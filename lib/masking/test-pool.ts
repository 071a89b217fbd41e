import { getDb } from '@/db';
import { numbers } from '@/db/schema';

/**
 * Puts numbers straight into a client's masking pool, as a purchase followed by "use for masking" would: for
 * tests and the demo seed, which need a pool without going through the carrier's inventory.
 */
export async function addPoolNumbers(input: { partnerId: string; clientId: string; environment: 'live' | 'sandbox'; count: number }): Promise<{ id: string; e164: string }[]> {
  const rows = Array.from({ length: input.count }, () => {
    const digits = `80${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    return { environment: input.environment, carrier: 'simulator', e164: `+91${digits}`, digits, country: 'IN', region: 'KA', type: 'local' as const, status: 'assigned' as const, partnerId: input.partnerId, clientId: input.clientId, masking: true };
  });
  if (!rows.length) return [];
  return getDb().insert(numbers).values(rows).returning({ id: numbers.id, e164: numbers.e164 });
}
