import { advancePendingPurchases } from './buy-number';
import { endQuarantines } from './release-number';
import { renewRentals } from './renew-rentals';
import { releaseLapsedHolds } from './search-numbers';

/** The worker's periodic number work: lapsed holds, ended quarantines, and monthly rentals. */
export async function runNumberUpkeep(now: Date = new Date()): Promise<void> {
  await releaseLapsedHolds(now);
  await endQuarantines(now);
  await renewRentals(now);
}

/** Slow provisionings, asked about every round so a purchase completes soon after the carrier finishes. */
export { advancePendingPurchases };
