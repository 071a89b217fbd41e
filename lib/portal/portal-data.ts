import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { clientMembers } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { forbidden } from '@/lib/errors/app-error';
import type { ListParams } from '@/lib/pagination/cursor';
import { clientOf } from '@/lib/ledger/books';
import { clientStatementForExport } from '@/lib/ledger/statement-csv';
import type { StatementFilters } from '@/lib/ledger/statements';
import { clientStatement, clientWallet } from '@/lib/ledger/statements';
import { getClientKyc } from '@/lib/onboarding/client-kyc';

/**
 * What a client's own members see in the portal, and nothing more: every function takes the member's context and
 * reads only the member's own client, whatever is asked. The ledger and KYC reads behind them are the partner's
 * (staff-only) functions, called here for that one client with a system actor of the same partner.
 */
export function portalScope(ctx: PartnerCtx): { clientId: string; read: PartnerCtx } {
  if (ctx.actor.type !== 'client_member' || ctx.actor.partnerId !== ctx.partnerId) throw forbidden();
  return { clientId: ctx.actor.clientId, read: { partnerId: ctx.partnerId, actor: { type: 'system' }, ip: ctx.ip } };
}

/** The account, its KYC with what is still due, and the member's own role (owners manage members). */
export async function portalOverview(ctx: PartnerCtx) {
  const { clientId, read } = portalScope(ctx);
  const [client, kyc, [me]] = await Promise.all([
    clientOf(getDb(), ctx.partnerId, clientId),
    getClientKyc(read, clientId),
    getDb()
      .select({ role: clientMembers.role })
      .from(clientMembers)
      .where(and(eq(clientMembers.id, ctx.actor.id!), eq(clientMembers.partnerId, ctx.partnerId))),
  ]);
  return { client: { id: client.id, name: client.name, email: client.email, status: client.status }, kyc, role: me?.role ?? 'member' };
}

export async function portalWallet(ctx: PartnerCtx, filters: StatementFilters & ListParams) {
  const { clientId, read } = portalScope(ctx);
  const [wallet, statement] = await Promise.all([clientWallet(read, clientId), clientStatement(read, clientId, filters)]);
  return { wallet, statement };
}

export async function portalStatementExport(ctx: PartnerCtx, filters: StatementFilters) {
  const { clientId, read } = portalScope(ctx);
  return { clientId, lines: await clientStatementForExport(read, clientId, filters) };
}

/** The member's own client id, for the members functions (which check the member's rights themselves). */
export function portalClientId(ctx: PartnerCtx): string {
  return portalScope(ctx).clientId;
}
