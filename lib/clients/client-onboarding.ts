import { and, desc, eq, gt } from 'drizzle-orm';
import { getDb } from '@/db';
import { registrations } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { registrationView, type NextStep } from '@/lib/onboarding/requirements';

export type PendingClientOnboarding =
  /** A registration for the client's e-mail is under way: carry on from the step it stopped at. */
  | { kind: 'continue'; registrationId: string; nextStep: NextStep | null }
  /** Nothing under way: start the wizard, or send the client a link to do it themselves. */
  | { kind: 'start' };

/**
 * The next step of a client still pending (added before onboarding): its open registration, if one exists for
 * its e-mail, else a fresh start. Accepting that registration makes this client active (see acceptRegistration).
 */
export async function pendingClientOnboarding(ctx: PartnerCtx, client: { email: string }): Promise<PendingClientOnboarding> {
  requirePartnerRole(ctx, 'member');
  const [open] = await getDb()
    .select()
    .from(registrations)
    .where(and(eq(registrations.partnerId, ctx.partnerId), eq(registrations.email, client.email), eq(registrations.status, 'pending'), gt(registrations.expiresAt, new Date())))
    .orderBy(desc(registrations.id))
    .limit(1);
  if (!open) return { kind: 'start' };
  return { kind: 'continue', registrationId: open.id, nextStep: registrationView(open).requirements.next_step };
}
