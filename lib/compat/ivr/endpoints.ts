import { coming, type IvrEndpoint } from './endpoint';
import { documented } from './fields';
import { agentAvailabilityGroup, agentsGroup } from './translators/agents';
import { clientsGroup } from './translators/clients';
import { registrationGroup } from './translators/registration';
import { voiceBotsGroup } from './translators/voice-bots';
import { didSchedulingGroup, numbersGroup } from './translators/numbers';
import { maskingGroup } from './translators/masking';
import { walletGroup } from './translators/wallet';
import { whatsappGroup } from './translators/whatsapp';

/**
 * The one mapping table of IVR Solutions' partner API: all 48 endpoints of its reference, in its order. The
 * routes under /partnerclients/ dispatch from it, and the migration guide (/docs/api/migrating-from-ivr-solutions)
 * is rendered from it, so the two cannot disagree.
 *
 * To bring a group (numbers, agents, flows, bots, WhatsApp, wallet) to life: write `translators/<group>.ts`
 * exporting its endpoints made with `available(...)` (see translators/clients.ts: IVR Solutions' fields, the
 * REST operation each maps to, the same domain function its /api/v1 route calls, and what `data` holds), and
 * replace that group's `coming(...)` rows below with them. The wallet, for example: `walletGroup` of
 * translators/wallet.ts replaces the three "Wallet & Credits" rows, `wallet_transactions` taking `page` and
 * `limit` with `integer(...)` (IVR Solutions sends them as "" or "2"), and `credit` (rupees as a string) turned
 * into the ledger's minor units by the ledger's own parser, never here. A test checks the table still has the 48.
 */
export const ivrEndpoints: IvrEndpoint[] = [
  ...registrationGroup,
  ...clientsGroup,
  ...numbersGroup,
  ...didSchedulingGroup,
  ...agentsGroup,
  coming('Agents', 'agents', 'POST', 'update_agent_did', 'Update agent DID', { client_id: documented('string', true), agent_ext: documented('string', true), did_num: documented('string', true) }, {"client_id": "CLIENTAPIKEY12345", "agent_ext": "2101", "did_num": "+911143104501"}),
  coming('Agent Scheduling & Availability', 'agents', 'POST', 'get_agent_schedule', 'Get agent availability schedule', { client_id: documented('string', true), agent_id: documented('string', true, 'SipUsers.id') }, {"client_id": "CLIENTAPIKEY12345", "agent_id": "4821"}),
  coming('Agent Scheduling & Availability', 'agents', 'POST', 'set_agent_schedule', 'Set agent availability schedule', { client_id: documented('string', true), agent_id: documented('string', true), timezone: documented('string', true), working_hours: documented('object', false, 'Working hours keyed by day, e.g. {"mon":{"open":"09:00","close":"18:00"}}') }, {"client_id": "CLIENTAPIKEY12345", "agent_id": "4821", "timezone": "Asia/Kolkata", "working_hours": {"mon": {"open": "09:00", "close": "18:00"}}}),
  ...agentAvailabilityGroup,
  coming('Call Flows', 'flows', 'POST', 'create_basic_flow', 'Create basic call flow', { client_id: documented('string', true), flow_name: documented('string', true), agent_ext: documented('string', true), did_no: documented('string', false, "defaults to client's primary DID"), recording_id: documented('string', false, 'welcome message recording ID') }, {"client_id": "CLIENTAPIKEY12345", "flow_name": "Support Flow", "agent_ext": "2101", "did_no": "+911143104501", "recording_id": "2207"}),
  coming('Call Flows', 'flows', 'POST', 'edit_basic_flow', 'Edit basic call flow', { client_id: documented('string', true), flow_id: documented('string', true), flow_name: documented('string', false), recording_id: documented('string', false), transfer_to: documented('string', false), agent_ext: documented('string', false), wss_bot_id: documented('string', false) }, {"client_id": "CLIENTAPIKEY12345", "flow_id": "10045", "flow_name": "Support Flow", "recording_id": "2207", "transfer_to": "2101", "agent_ext": "2101", "wss_bot_id": "77"}),
  coming('Call Flows', 'flows', 'POST', 'map_flow_did', 'Map call flow with DID', { client_id: documented('string', true), flow_id: documented('string', true), did_no: documented('string', true) }, {"client_id": "CLIENTAPIKEY12345", "flow_id": "10045", "did_no": "+911143104501"}),
  ...voiceBotsGroup,
  ...whatsappGroup,
  ...walletGroup,
  ...maskingGroup,
];
