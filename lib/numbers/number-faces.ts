import type { PartnerCtx } from '@/lib/audit/context';
import { getNumber } from './client-numbers';
import { recallNumber, releaseNumber } from './release-number';

/** Release or recall, answering with the number as a client's list shows it (what REST and the console render). */
export async function releaseAndShow(ctx: PartnerCtx, input: { number: string; clientId?: string }) {
  const released = await releaseNumber(ctx, input);
  return getNumber(ctx, released.id);
}

export async function recallAndShow(ctx: PartnerCtx, input: { number: string; clientId: string }) {
  const recalled = await recallNumber(ctx, input);
  return getNumber(ctx, recalled.id);
}
