import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Tx } from '@/db';
import { workspaces, type Workspace } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { AppError, conflict } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { partnerBook } from '@/lib/ledger/books';
import { postSet } from '@/lib/ledger/post-set';
import { workspaceOf } from './workspace-state';

/** Points a client's workspaces hold, as one ledger account per client; each workspace's share is on its row. */
export const workspacePointsKey = (partnerId: string, clientId: string) => ({
  partnerId,
  kind: 'workspace_points' as const,
  unit: 'points' as const,
  clientId,
});

export const pointsSchema = z.object({
  quantity: z.coerce.number('Give a whole number of points.').int('Give a whole number of points.').min(1, 'Give at least 1 point.').max(10_000_000, 'That is more than one move allows.'),
  comment: z.string().trim().max(500, 'Use at most 500 characters.').optional(),
  /** Makes a retry safe: the same key moves the points once. */
  idempotencyKey: z.string().trim().min(1).max(200).optional(),
});

async function movePoints(ctx: PartnerCtx, workspaceId: string, input: Untrusted<z.input<typeof pointsSchema>>, direction: 'top_up' | 'deduct') {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(pointsSchema, input);
  return getDb().transaction(async (tx) => {
    const row = await workspaceOf(tx, ctx.partnerId, workspaceId, true);
    if (row.status === 'cancelled') throw conflict('This workspace is cancelled.');
    const amount = BigInt(data.quantity);
    if (direction === 'deduct' && amount > row.points) {
      const message = `The workspace holds ${row.points} points; deduct at most that many.`;
      throw new AppError('validation_failed', message, { quantity: message });
    }
    const book = partnerBook(ctx.partnerId);
    const held = workspacePointsKey(ctx.partnerId, row.clientId);
    const topUp = direction === 'top_up';
    const posted = await postSet(tx, ctx, {
      partnerId: ctx.partnerId,
      kind: topUp ? 'allocation' : 'reclaim',
      idempotencyKey: data.idempotencyKey ? `workspace-points:${row.id}:${direction}:${data.idempotencyKey}` : null,
      legs: [
        {
          debit: topUp ? book.pool('points') : held,
          credit: topUp ? held : book.pool('points'),
          amount,
          kind: topUp ? 'allocation' : 'reclaim',
          clientId: row.clientId,
          objectId: row.id,
          memo: data.comment ?? (topUp ? 'Points added to the workspace' : 'Points deducted from the workspace'),
        },
      ],
    });
    if (posted.replayed) return { workspaceId: row.id, points: row.points, replayed: true };
    const [after] = await tx
      .update(workspaces)
      .set({
        points: sql`${workspaces.points} ${topUp ? sql`+` : sql`-`} ${amount}`,
        updatedAt: new Date(),
      })
      .where(eq(workspaces.id, row.id))
      .returning();
    await recordAudit(tx, ctx, {
      partnerId: ctx.partnerId,
      action: topUp ? 'workspace.points_topped_up' : 'workspace.points_deducted',
      targetType: 'workspace',
      targetId: row.id,
      before: { points: String(row.points) },
      after: {
        points: String(after!.points),
        quantity: data.quantity,
        comment: data.comment ?? null,
      },
    });
    return { workspaceId: row.id, points: after!.points, replayed: false };
  });
}

/** Adds points to a workspace from the partner's points pool (buy points first if the pool lacks them). */
export const topUpPoints = (ctx: PartnerCtx, workspaceId: string, input: Untrusted<z.input<typeof pointsSchema>>) => movePoints(ctx, workspaceId, input, 'top_up');

/** Takes points back from a workspace into the partner's points pool. */
export const deductPoints = (ctx: PartnerCtx, workspaceId: string, input: Untrusted<z.input<typeof pointsSchema>>) => movePoints(ctx, workspaceId, input, 'deduct');

/** Returns a workspace's points to the pool in the caller's transaction (on cancel); the caller zeroes the row. */
export async function returnPoints(tx: Tx, ctx: PartnerCtx, row: Workspace, points: bigint, memo: string): Promise<bigint> {
  if (points <= 0n) return 0n;
  const book = partnerBook(ctx.partnerId);
  await postSet(tx, ctx, {
    partnerId: ctx.partnerId,
    kind: 'reclaim',
    legs: [
      {
        debit: workspacePointsKey(ctx.partnerId, row.clientId),
        credit: book.pool('points'),
        amount: points,
        kind: 'reclaim',
        clientId: row.clientId,
        objectId: row.id,
        memo,
      },
    ],
  });
  return points;
}
