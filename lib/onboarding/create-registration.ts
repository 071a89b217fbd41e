import { and, eq, gt, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { clientMembers, clients, onboardingLinks, partners, promoCodes, registrations } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { PartnerCtx } from '@/lib/audit/context';
import { hashPassword } from '@/lib/auth/password';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { AppError, conflict, invalid } from '@/lib/errors/app-error';
import { isUniqueViolation } from '@/lib/errors/postgres';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { emitEvent } from '@/lib/events/emit-event';
import { registrationView } from './requirements';
import { registerSchema, type RegisterInput } from './schemas';
import { sendOtps } from './send-otps';

/** Registrations not completed in 30 days expire (the worker marks them). */
export const registrationLifetimeMs = 30 * 24 * 60 * 60 * 1000;

type Options = { source: 'api' | 'console' | 'link'; onboardingLinkId?: string };

/**
 * Step 1: a pending registration, with one-time codes sent to the e-mail address and the mobile number.
 * An e-mail or mobile already used by a client or an open registration of this partner is refused.
 */
export async function createRegistration(ctx: PartnerCtx, input: Untrusted<RegisterInput>, options: Options) {
  requirePartnerRole(ctx, 'member');
  const data = parseInput(registerSchema, input);
  const db = getDb();

  if (data.promo) {
    // Codes are defined once, on the live partner, and hold in its sandbox too.
    const owners = db.select({ id: sql<string>`coalesce(${partners.parentId}, ${partners.id})` }).from(partners).where(eq(partners.id, ctx.partnerId));
    const [promo] = await db
      .select({ id: promoCodes.id })
      .from(promoCodes)
      .where(and(inArray(promoCodes.partnerId, owners), eq(promoCodes.code, data.promo), or(isNull(promoCodes.expiresAt), gt(promoCodes.expiresAt, new Date()))));
    if (!promo) throw invalid('promo', 'This promo code is not valid.');
  }
  // A pending client (added before onboarding) may be onboarded under its own e-mail: acceptance completes it.
  const [existingClient] = await db
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.partnerId, ctx.partnerId), eq(clients.email, data.email), ne(clients.status, 'pending')))
    .union(db.select({ id: clientMembers.id }).from(clientMembers).where(and(eq(clientMembers.partnerId, ctx.partnerId), eq(clientMembers.email, data.email))));
  if (existingClient) throw conflict('A client with this e-mail address already exists.', 'email');
  // Clients keep no mobile of their own: the one they were onboarded with is on their completed registration.
  const [clientWithMobile] = await db
    .select({ id: registrations.id })
    .from(registrations)
    .where(and(eq(registrations.partnerId, ctx.partnerId), eq(registrations.mobile, data.mobile), eq(registrations.status, 'completed'), isNotNull(registrations.clientId)))
    .limit(1);
  if (clientWithMobile) throw conflict('A client with this mobile number already exists.', 'mobile');

  const passwordHash = await hashPassword(data.password);
  try {
    const registration = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(registrations)
        .values({
          partnerId: ctx.partnerId,
          source: options.source,
          onboardingLinkId: options.onboardingLinkId ?? null,
          name: data.name,
          email: data.email,
          mobile: data.mobile,
          countryCode: data.country_code,
          passwordHash,
          promoCode: data.promo ?? null,
          expiresAt: new Date(Date.now() + registrationLifetimeMs),
        })
        .returning();
      if (options.onboardingLinkId) {
        // A link makes one registration: claiming it here, in the same transaction, settles two tabs racing.
        const [claimed] = await tx
          .update(onboardingLinks)
          .set({ registrationId: row!.id })
          .where(and(eq(onboardingLinks.id, options.onboardingLinkId), eq(onboardingLinks.status, 'active'), isNull(onboardingLinks.registrationId)))
          .returning({ id: onboardingLinks.id });
        if (!claimed) throw new AppError('conflict', 'This onboarding link has already been used.');
      }
      await sendOtps(tx, row!, ['email', 'mobile']);
      await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'registration.created', targetType: 'registration', targetId: row!.id, after: { name: data.name, email: data.email, mobile: data.mobile, source: options.source } });
      await emitEvent(tx, ctx.partnerId, 'registration.created', { registration: { id: row!.id, name: row!.name, email: row!.email, source: options.source } });
      return row!;
    });
    return registrationView(registration);
  } catch (error) {
    if (isUniqueViolation(error, 'registrations_open_email_key')) throw conflict('A registration with this e-mail address is already in progress.', 'email');
    if (isUniqueViolation(error, 'registrations_open_mobile_key')) throw conflict('A registration with this mobile number is already in progress.', 'mobile');
    throw error;
  }
}
