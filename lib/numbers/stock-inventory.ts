import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { numbers, type NumberEnvironment } from '@/db/schema';
import type { CarrierNumber, CarrierSearch, InventoryCarrier } from '@/lib/providers/carrier/carrier-provider';
import { nationalDigits } from '@/lib/providers/carrier/inventory-simulator';

const batch = 500;

async function insertNumbers(environment: NumberEnvironment, carrier: string, found: CarrierNumber[]) {
  for (let i = 0; i < found.length; i += batch) {
    const rows = found.slice(i, i + batch).map((n) => ({ environment, carrier, e164: n.e164, digits: nationalDigits(n.e164), country: n.country, region: n.region, type: n.type }));
    // A number already known keeps its row (and its life: held, assigned, quarantined).
    await getDb().insert(numbers).values(rows).onConflictDoNothing({ target: [numbers.environment, numbers.e164] });
  }
}

/**
 * Makes sure the inventory table holds what the carrier offers for this search, so search is one indexed query
 * whatever the carrier. A carrier that can list its whole inventory (the simulator) is copied once per
 * environment; any other is asked for this search and its answers are added.
 */
export async function stockInventory(environment: NumberEnvironment, carrier: InventoryCarrier & { catalogue?: () => CarrierNumber[] }, request: CarrierSearch) {
  if (carrier.catalogue) {
    const all = carrier.catalogue();
    // The first and last numbers present means a copy finished (it inserts in order).
    const ends = [all[0]!.e164, all[all.length - 1]!.e164];
    const present = await getDb()
      .select({ e164: numbers.e164 })
      .from(numbers)
      .where(and(eq(numbers.environment, environment), inArray(numbers.e164, ends)));
    if (present.length < ends.length) await insertNumbers(environment, carrier.name, all);
    return;
  }
  await insertNumbers(environment, carrier.name, await carrier.search(request));
}
