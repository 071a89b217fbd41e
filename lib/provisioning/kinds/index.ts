import { agentPlaceholderKind } from './agent-placeholder';
import { callFlowKind } from './call-flow';
import { clientSettingsKind } from './client-settings';
import { numberScheduleKind } from './number-schedule';
import type { ItemKind } from './types';
import { voiceBotKind } from './voice-bot';
import { whatsappScheduleKind } from './whatsapp-schedule';

/**
 * Every kind of setup item a template can hold, in the order an install applies them: settings first (an
 * extension range shapes the seats made after it), then seats, bots, the flows that ring them, and
 * hours. A new kind is one file in this folder and one line here.
 */
export const itemKinds: ItemKind[] = [clientSettingsKind, agentPlaceholderKind, voiceBotKind, callFlowKind, numberScheduleKind, whatsappScheduleKind] as unknown as ItemKind[];

export const itemKindNames = itemKinds.map((kind) => kind.kind) as [string, ...string[]];

export function itemKindOf(kind: string): ItemKind | undefined {
  return itemKinds.find((candidate) => candidate.kind === kind);
}
