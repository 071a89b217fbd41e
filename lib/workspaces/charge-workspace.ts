import { eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { commissions, workspaceCharges, type WorkspaceCharge } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { emitEvent } from '@/lib/events/emit-event';
import { partnerBook } from '@/lib/ledger/books';
import { ledgerNow } from '@/lib/ledger/clock';
import { announceLowBalances } from '@/lib/ledger/low-balance';
import { postSet, type Leg } from '@/lib/ledger/post-set';
import type { WorkspacePeriod } from './billing-periods';

/** The ledger `product` of a workspace's charges: its plan (with its add-ons on a renewal), or an add-on alone. */
export const workspaceProducts = {
  plan: 'workspace_plan',
  addon: 'workspace_addon',
} as const;

export type WorkspaceChargeInput = {
  workspace: { id: string; clientId: string };
  kind: WorkspaceCharge['kind'];
  period: WorkspacePeriod;
  retail: bigint;
  wholesale: bigint;
  /** Makes the charge happen once: a renewal's is `workspace-renewal:<workspace>:<period>`. */
  idempotencyKey: string;
  memo: string;
  /** What was charged for, copied to every transfer's metadata and to the workspace_charges row. */
  details: Record<string, unknown>;
  product?: string;
};

export type WorkspaceChargeResult = {
  charge: WorkspaceCharge | null;
  replayed: boolean;
  commission: bigint;
};

/**
 * Charges a client for its workspace in the caller's transaction: the client's wallet pays `retail` to the
 * partner's revenue and the partner's prepaid balance pays `wholesale` to the operator, as one linked set (so
 * neither moves unless both can), with the commission row and `commission.earned` that every charge has, and a
 * `workspace_charges` row naming the set. The charge row is inserted before the balances are locked: for a
 * renewal its unique (workspace, period) index makes a second worker wait, then fail, instead of charging twice.
 * A refused set (client_insufficient_funds / partner_insufficient_funds) throws and leaves nothing behind.
 */
export async function chargeWorkspace(tx: Tx, ctx: PartnerCtx, input: WorkspaceChargeInput): Promise<WorkspaceChargeResult> {
  const book = partnerBook(ctx.partnerId);
  const product = input.product ?? workspaceProducts.plan;
  const metadata = {
    workspace_id: input.workspace.id,
    charge_kind: input.kind,
    period: input.period.key,
    period_start: input.period.start.toISOString(),
    period_end: input.period.end.toISOString(),
    ...input.details,
  };
  const what = {
    clientId: input.workspace.clientId,
    product,
    objectId: input.workspace.id,
    memo: input.memo,
    metadata,
  };
  const legs: Leg[] = [];
  if (input.retail > 0n)
    legs.push({
      ...what,
      debit: book.wallet(input.workspace.clientId),
      credit: book.revenue,
      amount: input.retail,
      kind: 'charge',
    });
  if (input.wholesale > 0n)
    legs.push({
      ...what,
      debit: book.prepaid,
      credit: book.operatorRevenue,
      amount: input.wholesale,
      kind: 'charge',
    });
  if (!legs.length) return { charge: null, replayed: false, commission: 0n };
  const commission = input.retail - input.wholesale;
  let charge: WorkspaceCharge | null = null;
  const posted = await postSet(
    tx,
    ctx,
    {
      partnerId: ctx.partnerId,
      kind: 'charge',
      idempotencyKey: input.idempotencyKey,
      legs,
    },
    {
      beforeLock: async (setId) => {
        const [inserted] = await tx
          .insert(workspaceCharges)
          .values({
            partnerId: ctx.partnerId,
            clientId: input.workspace.clientId,
            workspaceId: input.workspace.id,
            kind: input.kind,
            period: input.period.key,
            periodStart: input.period.start,
            periodEnd: input.period.end,
            setId,
            retail: input.retail,
            wholesale: input.wholesale,
            details: metadata,
            createdAt: ledgerNow(),
          })
          .returning();
        charge = inserted ?? null;
        await tx.insert(commissions).values({
          partnerId: ctx.partnerId,
          clientId: input.workspace.clientId,
          setId,
          product,
          objectId: input.workspace.id,
          retail: input.retail,
          wholesale: input.wholesale,
          commission,
          createdAt: ledgerNow(),
        });
        await emitEvent(tx, ctx.partnerId, 'commission.earned', {
          charge_id: setId,
          client_id: input.workspace.clientId,
          product,
          object_id: input.workspace.id,
          quantity: 1,
          retail: Number(input.retail),
          wholesale: Number(input.wholesale),
          commission: Number(commission),
        });
      },
    },
  );
  if (posted.replayed) [charge = null] = await tx.select().from(workspaceCharges).where(eq(workspaceCharges.setId, posted.setId));
  else await announceLowBalances(tx, ctx.partnerId, posted);
  return { charge, replayed: posted.replayed, commission };
}
