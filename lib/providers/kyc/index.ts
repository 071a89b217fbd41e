import { KycSimulator } from './kyc-simulator';
import type { KycProvider } from './kyc-provider';

const simulator = new KycSimulator();

/**
 * The KYC provider for a partner. Sandboxes always use the simulator; live partners do too until a real
 * provider's adapter is configured (none is bundled: each Indian KYC service has its own contract, added
 * behind KycProvider when a deployment chooses one).
 */
export function kycProviderFor(_partnerKind: 'live' | 'sandbox'): KycProvider {
  return simulator;
}

export { simulator as kycSimulator };
