import { getConfig } from '@/lib/config';
import type { InventoryCarrier } from './carrier-provider';
import { PlivoInventory } from './inventory-plivo';
import { InventorySimulator } from './inventory-simulator';

const simulator = new InventorySimulator();
let plivo: PlivoInventory | null = null;

/**
 * The carrier numbers are searched, bought and released with. Sandboxes always use the simulator; live
 * partners use Plivo when its credentials are configured, the simulator otherwise.
 */
export function inventoryCarrierFor(environment: 'live' | 'sandbox'): InventoryCarrier {
  if (environment === 'sandbox') return simulator;
  const config = getConfig();
  if (!config.PLIVO_AUTH_ID || !config.PLIVO_AUTH_TOKEN) return simulator;
  plivo ??= new PlivoInventory({ authId: config.PLIVO_AUTH_ID, authToken: config.PLIVO_AUTH_TOKEN, baseUrl: config.PLIVO_API_URL });
  return plivo;
}

/** A number is released with the carrier that rented it, whatever is configured now. */
export function inventoryCarrierNamed(name: string, environment: 'live' | 'sandbox'): InventoryCarrier {
  return name === 'simulator' ? simulator : inventoryCarrierFor(environment);
}

export { simulator as inventorySimulator };
