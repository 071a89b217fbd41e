import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb, inOneTransaction } from '@/db';
import { partners } from '@/db/schema';
import { systemCtx, type PartnerCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { emitEvent } from '@/lib/events/emit-event';
import { livePartnerOf } from '@/lib/partners/live-partner';
import { ensureSandbox } from '@/lib/partners/sandbox';
import { seedSandbox, type SandboxContents } from './seed-sandbox';
import { wipeSandbox } from './wipe-sandbox';

export type SandboxReset = { sandboxId: string; removed: Record<string, number>; contents: SandboxContents; password: string };

/**
 * Resets a partner's sandbox to a clean state and fills it with sample data, in one transaction: if any step
 * of the filling fails, the sandbox is left as it was. Only ever the caller's own sandbox (derived from its
 * live partner, never taken from a request), only its rows, and only simulated providers: a sandbox has no
 * real carrier, KYC, e-mail or gateway behind it, and its ledger is its own book. The sample client owners
 * and agents sign in with the returned password (new at each reset).
 */
export async function resetSandbox(ctx: PartnerCtx): Promise<SandboxReset> {
  requirePartnerRole(ctx, 'admin');
  const live = await livePartnerOf(getDb(), ctx.partnerId);
  const sandboxId = await ensureSandbox(live);
  const password = `Sandbox-${randomBytes(6).toString('hex')}-1`;
  return inOneTransaction(async () => {
    const db = getDb();
    // Two resets at once take turns: the second starts from the first one's clean state.
    const [row] = await db.select({ id: partners.id, kind: partners.kind }).from(partners).where(eq(partners.id, sandboxId)).for('update');
    if (row?.kind !== 'sandbox') throw new Error('Not a sandbox.');
    const removed = await wipeSandbox(sandboxId);
    const contents = await seedSandbox({ ...systemCtx, partnerId: sandboxId }, password);
    const actorCtx = { ...ctx, partnerId: sandboxId };
    await db.transaction(async (tx) => {
      await recordAudit(tx, actorCtx, { partnerId: sandboxId, action: 'sandbox.reset', targetType: 'partner', targetId: sandboxId, after: { ...contents } });
      await emitEvent(tx, sandboxId, 'sandbox.reset', { ...contents });
    });
    return { sandboxId, removed, contents, password };
  });
}
