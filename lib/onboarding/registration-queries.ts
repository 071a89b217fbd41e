import { and, eq, isNotNull, isNull, lt, ne, or, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { registrations } from '@/db/schema';
import { cursorClauses } from '@/lib/pagination/cursor-sql';
import { cursorQuery, toPage, type ListParams } from '@/lib/pagination/cursor';
import { recordAudit } from '@/lib/audit/record-audit';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { notFound } from '@/lib/errors/app-error';
import { containsText, searchText } from '@/lib/search/search-text';
import { otpLocksFor, otpLocksOf } from './otp';
import { assertOpen, lockRegistration } from './registration-access';
import { registrationView, type Requirements } from './requirements';

export const registrationStages = ['verify_otp', 'verify_pan', 'aadhaar', 'gst', 'accept'] as const;
export type RegistrationStage = (typeof registrationStages)[number];

/** The SQL for "is at this stage", mirroring requirementsOf for filtering lists in the database. */
function stageCondition(stage: RegistrationStage): SQL {
  const otpDone = and(isNotNull(registrations.emailVerifiedAt), isNotNull(registrations.mobileVerifiedAt))!;
  switch (stage) {
    case 'verify_otp':
      return or(isNull(registrations.emailVerifiedAt), isNull(registrations.mobileVerifiedAt))!;
    case 'verify_pan':
      return and(otpDone, ne(registrations.panStatus, 'verified'))!;
    case 'aadhaar':
      return and(otpDone, eq(registrations.panStatus, 'verified'), ne(registrations.aadhaarStatus, 'verified'))!;
    case 'gst':
      return and(otpDone, eq(registrations.panStatus, 'verified'), eq(registrations.aadhaarStatus, 'verified'), isNull(registrations.kycSubmittedAt))!;
    case 'accept':
      return and(isNotNull(registrations.kycSubmittedAt), isNull(registrations.acceptedAt))!;
  }
}

/** Where its requirements put a registration among the list's stages (as stageCondition does in SQL). */
export function stageOf({ next_step: step, pending_verification: pending }: Pick<Requirements, 'next_step' | 'pending_verification'>): RegistrationStage | null {
  if (!step) return null;
  if (step === 'send_aadhaar_otp' || step === 'verify_aadhaar_otp') return 'aadhaar';
  // A PAN still being checked holds the registration at the PAN stage; otherwise only the GSTIN can be pending.
  if (step === 'wait_for_verification') return pending.includes('pan') ? 'verify_pan' : 'gst';
  if (step === 'verify_gst') return 'gst';
  return step;
}

export async function getRegistration(ctx: PartnerCtx, registrationId: string) {
  requirePartnerRole(ctx, 'member');
  const [row] = await getDb()
    .select()
    .from(registrations)
    .where(and(eq(registrations.id, registrationId), eq(registrations.partnerId, ctx.partnerId)))
    .limit(1);
  if (!row) throw notFound('Registration');
  return registrationView(row, await otpLocksFor(getDb(), row.id));
}

export type RegistrationFilters = { status?: 'pending' | 'completed' | 'cancelled' | 'expired'; stage?: RegistrationStage; search?: string };

export async function listRegistrations(ctx: PartnerCtx, filters: RegistrationFilters & ListParams) {
  requirePartnerRole(ctx, 'member');
  const query = cursorQuery(filters);
  const { where: cursor, orderBy } = cursorClauses(registrations.id, query);
  const conditions: (SQL | undefined)[] = [eq(registrations.partnerId, ctx.partnerId), cursor];
  if (filters.status) conditions.push(eq(registrations.status, filters.status));
  if (filters.stage) conditions.push(eq(registrations.status, 'pending'), stageCondition(filters.stage));
  // The expression of the trigram index registrations_search_idx.
  if (filters.search) conditions.push(containsText(searchText(registrations.name, registrations.email), filters.search));
  const rows = await getDb().select().from(registrations).where(and(...conditions)).orderBy(orderBy).limit(query.take);
  const page = toPage(rows, query);
  const locks = await otpLocksOf(getDb(), page.data.map((row) => row.id));
  return { data: page.data.map((row) => registrationView(row, locks.get(row.id) ?? [])), has_more: page.has_more };
}

export async function cancelRegistration(ctx: PartnerCtx, registrationId: string, reason?: string) {
  requirePartnerRole(ctx, 'member');
  const cancelled = await getDb().transaction(async (tx) => {
    const registration = await lockRegistration(tx, ctx, registrationId);
    assertOpen(registration);
    const [after] = await tx.update(registrations).set({ status: 'cancelled' }).where(eq(registrations.id, registration.id)).returning();
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'registration.cancelled', targetType: 'registration', targetId: registration.id, after: { reason: reason ?? null } });
    return after!;
  });
  return registrationView(cancelled);
}

/** Registrations left unfinished past their lifetime expire; the worker calls this. */
export async function expireStaleRegistrations(now = new Date()): Promise<number> {
  const expired = await getDb()
    .update(registrations)
    .set({ status: 'expired' })
    .where(and(eq(registrations.status, 'pending'), lt(registrations.expiresAt, now)))
    .returning({ id: registrations.id });
  return expired.length;
}
