import { and, eq, inArray, or } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { onboardingLinks, partners, registrations, type Registration } from '@/db/schema';
import { cursorClauses } from '@/lib/pagination/cursor-sql';
import { cursorQuery, toPage, type ListParams } from '@/lib/pagination/cursor';
import { recordAudit } from '@/lib/audit/record-audit';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { digestToken, newSecretToken } from '@/lib/crypto/tokens';
import { AppError, notFound } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { partnerHomeUrl } from '@/lib/tenancy/partner-home-url';
import { queueTemplatedEmail } from '@/lib/email-templates/queue-templated-email';
import { registrationStatus } from './requirements';
import { createLinkSchema } from './schemas';

type LinkRow = typeof onboardingLinks.$inferSelect;

/** A link's state as people see it: an active link past its expiry is expired. */
export function linkState(link: LinkRow, now = new Date()): 'active' | 'used' | 'revoked' | 'expired' {
  return link.status === 'active' && link.expiresAt <= now ? 'expired' : link.status;
}

/**
 * Whether a prospect may carry on through this link. Its expiry bounds when a registration may be started: one
 * begun in time goes on until it ends by itself (stale registrations expire), so nobody is stopped halfway
 * through KYC. A revoked or used link stops at once.
 */
export function linkAcceptsSteps(opened: { state: ReturnType<typeof linkState>; registration: Pick<Registration, 'status' | 'expiresAt'> | null }): boolean {
  return opened.state === 'active' || (opened.state === 'expired' && opened.registration !== null && registrationStatus(opened.registration) === 'pending');
}

export function linkView(link: LinkRow) {
  return {
    object: 'onboarding_link' as const,
    id: link.id,
    status: linkState(link),
    prefill: link.prefill,
    note: link.note,
    registration_id: link.registrationId,
    client_id: link.clientId,
    expires_at: link.expiresAt,
    created_at: link.createdAt,
  };
}

/**
 * Creates a single-client, expiring link; the token is returned this once (only its digest is kept). With
 * `sendEmail` and a prefilled e-mail address, the link is also e-mailed to the prospect in the partner's brand,
 * through the outbox in the same transaction (a sandbox's e-mail stays in its dev outbox).
 */
export async function createOnboardingLink(ctx: PartnerCtx, input: Untrusted<z.input<typeof createLinkSchema>>, options: { sendEmail?: boolean } = {}) {
  requirePartnerRole(ctx, 'member');
  const data = parseInput(createLinkSchema, input);
  const token = newSecretToken();
  const prefill = Object.fromEntries(Object.entries(data.prefill).filter(([, v]) => v));
  const emailTo = options.sendEmail ? data.prefill.email || undefined : undefined;
  let url = '';
  const link = await getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(onboardingLinks)
      .values({ partnerId: ctx.partnerId, tokenDigest: digestToken(token), prefill, note: data.note ?? null, createdBy: ctx.actor.id ?? ctx.actor.type, expiresAt: new Date(Date.now() + data.expires_in_days * 86_400_000) })
      .returning();
    // On the partner's own verified domain when it has one, where its clients know it (a sandbox's on its live partner's).
    url = await partnerHomeUrl(tx, ctx.partnerId, `/onboard/${token}`);
    if (emailTo) {
      await queueTemplatedEmail(tx, { partnerId: ctx.partnerId, to: emailTo, type: 'onboarding_link', values: { 'recipient.name': data.prefill.name || '', 'link.url': url, 'link.expires_on': row!.expiresAt.toISOString().slice(0, 10) } });
    }
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'onboarding_link.created', targetType: 'onboarding_link', targetId: row!.id, after: { prefill, expires_at: row!.expiresAt, ...(emailTo ? { emailed_to: emailTo } : {}) } });
    return row!;
  });
  return { ...linkView(link), url, token, emailed_to: emailTo ?? null };
}

export async function listOnboardingLinks(ctx: PartnerCtx, params: ListParams) {
  requirePartnerRole(ctx, 'member');
  const query = cursorQuery(params);
  const { where, orderBy } = cursorClauses(onboardingLinks.id, query);
  const rows = await getDb().select().from(onboardingLinks).where(and(eq(onboardingLinks.partnerId, ctx.partnerId), where)).orderBy(orderBy).limit(query.take);
  const page = toPage(rows, query);
  return { data: page.data.map(linkView), has_more: page.has_more };
}

export async function getOnboardingLink(ctx: PartnerCtx, linkId: string) {
  requirePartnerRole(ctx, 'member');
  const [row] = await getDb().select().from(onboardingLinks).where(and(eq(onboardingLinks.id, linkId), eq(onboardingLinks.partnerId, ctx.partnerId)));
  if (!row) throw notFound('Onboarding link');
  return linkView(row);
}

export async function revokeOnboardingLink(ctx: PartnerCtx, linkId: string) {
  requirePartnerRole(ctx, 'member');
  const revoked = await getDb().transaction(async (tx) => {
    const [row] = await tx.select().from(onboardingLinks).where(and(eq(onboardingLinks.id, linkId), eq(onboardingLinks.partnerId, ctx.partnerId))).for('update');
    if (!row) throw notFound('Onboarding link');
    if (row.status === 'used') throw new AppError('conflict', 'This link was already used to create a client; it cannot be revoked.');
    const [after] = await tx.update(onboardingLinks).set({ status: 'revoked' }).where(eq(onboardingLinks.id, row.id)).returning();
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'onboarding_link.revoked', targetType: 'onboarding_link', targetId: row.id });
    return after!;
  });
  return linkView(revoked);
}

/**
 * Opens a link from the partner's host: the token is the prospect's only credential. Accepts links of the
 * host's live partner and of its sandbox. Returns the link and the context its steps run in.
 */
export async function openOnboardingLink(livePartnerId: string, token: string) {
  const db = getDb();
  const sandboxes = db.select({ id: partners.id }).from(partners).where(eq(partners.parentId, livePartnerId));
  const [link] = await db
    .select()
    .from(onboardingLinks)
    .where(and(eq(onboardingLinks.tokenDigest, digestToken(token)), or(eq(onboardingLinks.partnerId, livePartnerId), inArray(onboardingLinks.partnerId, sandboxes))));
  if (!link) return null;
  const [registration] = link.registrationId ? await db.select().from(registrations).where(eq(registrations.id, link.registrationId)) : [];
  const ctx: PartnerCtx = { partnerId: link.partnerId, actor: { type: 'system' } };
  return { link, state: linkState(link), registration: registration ?? null, ctx };
}
