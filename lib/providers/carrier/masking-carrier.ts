import { getConfig } from '@/lib/config';
import type { MaskingCarrier } from './carrier-provider';
import { PlivoMasking } from './masking-plivo';
import { MaskingSimulator } from './masking-simulator';

const simulator = new MaskingSimulator();
let plivo: PlivoMasking | null = null;

/** Sandboxes always bridge through the simulator; live partners through Plivo when it is configured. */
export function maskingCarrierFor(environment: 'live' | 'sandbox'): MaskingCarrier {
  if (environment === 'sandbox') return simulator;
  const config = getConfig();
  if (!config.PLIVO_AUTH_ID || !config.PLIVO_AUTH_TOKEN) return simulator;
  plivo ??= new PlivoMasking({ authId: config.PLIVO_AUTH_ID, authToken: config.PLIVO_AUTH_TOKEN, baseUrl: config.PLIVO_API_URL });
  return plivo;
}

/** A session is updated and ended with the carrier that created it, whatever is configured now. */
export function maskingCarrierNamed(name: string, environment: 'live' | 'sandbox'): MaskingCarrier {
  return name === 'simulator' ? simulator : maskingCarrierFor(environment);
}
