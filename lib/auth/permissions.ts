import { forbidden } from '@/lib/errors/app-error';
import type { Ctx, PartnerCtx } from '@/lib/audit/context';
import type { PartnerRole } from '@/db/schema';

const roleRank: Record<PartnerRole, number> = { member: 1, admin: 2, owner: 3 };

export const roleLabels: Record<PartnerRole, string> = { owner: 'Owner', admin: 'Admin', member: 'Member' };

/** Operator staff only (the platform console, the CLI acting as the system). */
export function requireOperator(ctx: Ctx): void {
  if (ctx.actor.type !== 'operator' && ctx.actor.type !== 'system') throw forbidden('Only operator staff can do that.');
}

/**
 * Partner staff of at least `minimum` role, acting on their own partner. Operators and the system may act on
 * any partner (they reach it through the platform console or the CLI).
 */
export function requirePartnerRole(ctx: PartnerCtx, minimum: PartnerRole): void {
  const { actor } = ctx;
  if (actor.type === 'operator' || actor.type === 'system') return;
  // An API key's reach is decided by its scopes (checked by the REST chassis); here only its partner matters.
  if (actor.type === 'api_key') {
    if (actor.partnerId !== ctx.partnerId) throw forbidden();
    return;
  }
  if (actor.type !== 'partner_user' || actor.partnerId !== ctx.partnerId) throw forbidden();
  if (roleRank[actor.role] < roleRank[minimum]) {
    throw forbidden(`This needs the ${roleLabels[minimum].toLowerCase()} role or higher.`);
  }
}

export function outranks(a: PartnerRole, b: PartnerRole): boolean {
  return roleRank[a] >= roleRank[b];
}
