import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { agentExtensionRanges, agents } from '@/db/schema';
import { conflict } from '@/lib/errors/app-error';

/** A client without a range of its own numbers its agents from here. */
export const defaultExtensionRange = { first: 2001, last: 2999 } as const;

/**
 * The lowest free extension in the client's range. The caller holds the client row's lock, so two creations
 * for one client take turns here and cannot both choose the same number; the unique index is the backstop.
 */
export async function allocateExtension(tx: Tx, partnerId: string, clientId: string): Promise<string> {
  const [range] = await tx
    .select({ first: agentExtensionRanges.first, last: agentExtensionRanges.last })
    .from(agentExtensionRanges)
    .where(and(eq(agentExtensionRanges.clientId, clientId), eq(agentExtensionRanges.partnerId, partnerId)));
  const { first, last } = range ?? defaultExtensionRange;
  const taken = new Set((await tx.select({ extension: agents.extension }).from(agents).where(eq(agents.clientId, clientId))).map((row) => row.extension));
  for (let n = first; n <= last; n++) if (!taken.has(String(n))) return String(n);
  throw conflict(`Every extension from ${first} to ${last} is taken: give one outside the range, or deactivate agents no longer needed (their numbers stay theirs).`, 'extension');
}
