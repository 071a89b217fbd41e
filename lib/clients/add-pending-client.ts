import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { clients } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { conflict } from '@/lib/errors/app-error';
import { isUniqueViolation } from '@/lib/errors/postgres';

/**
 * Adds a client before its onboarding: `pending`, with no member who can sign in and nothing that needs KYC
 * (numbers, charges to its wallet) until it finishes onboarding under the same e-mail, which activates this
 * client (lib/onboarding/accept-registration.ts) rather than creating a second one. Partner APIs that create
 * the client and its workspace in one call (UChat's workspace/create) start here.
 */
export async function addPendingClient(ctx: PartnerCtx, input: { name: string; email: string }) {
  requirePartnerRole(ctx, 'admin');
  const email = input.email.trim().toLowerCase();
  const taken = () => conflict('A client with this e-mail exists already: create its workspace for the existing user instead.', 'email');
  try {
    return await getDb().transaction(async (tx) => {
      const [existing] = await tx.select({ id: clients.id }).from(clients).where(and(eq(clients.partnerId, ctx.partnerId), eq(clients.email, email)));
      if (existing) throw taken();
      const [client] = await tx.insert(clients).values({ partnerId: ctx.partnerId, name: input.name, email, status: 'pending' }).returning();
      await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'client.created', targetType: 'client', targetId: client!.id, after: { name: input.name, email, status: 'pending' } });
      return client!;
    });
  } catch (error) {
    // Two requests for one e-mail at once: the unique index lets one in, and the other gets the same answer.
    if (isUniqueViolation(error, 'clients_partner_email_key')) throw taken();
    throw error;
  }
}
