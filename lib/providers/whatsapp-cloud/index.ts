import { getConfig } from '@/lib/config';
import type { WhatsappCloudProvider } from './cloud-api-provider';
import { GraphAdapter } from './graph-adapter';
import { WhatsappCloudSimulator } from './simulator';

const simulator = new WhatsappCloudSimulator();

/**
 * The Cloud API for a partner: the Graph API once the Meta app's credentials are configured, for live partners
 * only; the simulator otherwise and always in sandboxes, where no real token may be used.
 */
export function whatsappCloudFor(partnerKind: 'live' | 'sandbox'): WhatsappCloudProvider {
  const config = getConfig();
  if (partnerKind === 'live' && config.WHATSAPP_APP_ID && config.WHATSAPP_APP_SECRET) {
    return new GraphAdapter({ baseUrl: config.WHATSAPP_GRAPH_URL, version: config.WHATSAPP_GRAPH_API_VERSION, appAccessToken: `${config.WHATSAPP_APP_ID}|${config.WHATSAPP_APP_SECRET}` });
  }
  return simulator;
}

export { simulator as whatsappCloudSimulator };
