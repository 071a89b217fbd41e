import { getConfig } from '@/lib/config';
import type { WhatsAppGateway } from './gateway';
import { GatewaySimulator } from './simulator';
import { WhapiGateway } from './whapi';

export const gatewaySimulator = new GatewaySimulator();

/** Which gateway a channel is created on: the real one for live partners when configured, else the simulator. */
export function gatewayForNewChannel(partnerKind: 'live' | 'sandbox'): WhatsAppGateway {
  const config = getConfig();
  if (partnerKind === 'live' && config.WHAPI_PARTNER_TOKEN && config.WHAPI_PROJECT_ID) {
    return new WhapiGateway({ partnerToken: config.WHAPI_PARTNER_TOKEN, projectId: config.WHAPI_PROJECT_ID, managerUrl: config.WHAPI_MANAGER_URL, gateUrl: config.WHAPI_GATE_URL });
  }
  return gatewaySimulator;
}

/** The gateway an existing channel lives on (a channel stays where it was created). */
export function gatewayNamed(name: string): WhatsAppGateway {
  if (name === 'whapi') {
    const config = getConfig();
    if (!config.WHAPI_PARTNER_TOKEN || !config.WHAPI_PROJECT_ID) throw new Error('A channel lives on the real gateway, but its credentials are no longer configured.');
    return new WhapiGateway({ partnerToken: config.WHAPI_PARTNER_TOKEN, projectId: config.WHAPI_PROJECT_ID, managerUrl: config.WHAPI_MANAGER_URL, gateUrl: config.WHAPI_GATE_URL });
  }
  return gatewaySimulator;
}

export * from './gateway';
