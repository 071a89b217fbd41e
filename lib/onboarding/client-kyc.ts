import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { registrations } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { registrationView, type RegistrationView } from './requirements';

/**
 * The KYC a client was onboarded with: the masked view of the completed registration that created it, or null
 * for a client that did not come through onboarding (demo and seeded clients).
 */
export async function getClientKyc(ctx: PartnerCtx, clientId: string): Promise<RegistrationView | null> {
  requirePartnerRole(ctx, 'member');
  const [row] = await getDb()
    .select()
    .from(registrations)
    .where(and(eq(registrations.clientId, clientId), eq(registrations.partnerId, ctx.partnerId), eq(registrations.status, 'completed')))
    .limit(1);
  return row ? registrationView(row) : null;
}

export type RegistrationSummary = { id: string; name: string; email: string; status: RegistrationView['status']; clientId: string | null };

/** Names and states of some registrations of the caller (those a page of onboarding links led to). */
export async function summariseRegistrations(ctx: PartnerCtx, ids: readonly string[]): Promise<Map<string, RegistrationSummary>> {
  requirePartnerRole(ctx, 'member');
  if (ids.length === 0) return new Map();
  const rows = await getDb()
    .select({ id: registrations.id, name: registrations.name, email: registrations.email, status: registrations.status, clientId: registrations.clientId })
    .from(registrations)
    .where(and(eq(registrations.partnerId, ctx.partnerId), inArray(registrations.id, [...ids])));
  return new Map(rows.map((row) => [row.id, row]));
}
