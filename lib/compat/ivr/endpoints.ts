import type { IvrEndpoint } from './endpoint';
import { agentAvailabilityGroup, agentsGroup } from './translators/agents';
import { agentScheduleGroup, updateAgentDid } from './translators/agent-schedule';
import { flowsGroup } from './translators/flows';
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
  updateAgentDid,
  ...agentScheduleGroup,
  ...agentAvailabilityGroup,
  ...flowsGroup,
  ...voiceBotsGroup,
  ...whatsappGroup,
  ...walletGroup,
  ...maskingGroup,
];
