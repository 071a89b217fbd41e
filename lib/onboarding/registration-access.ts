import { logoVersionOf } from '@/lib/branding/logo-version';
import { and, eq } from 'drizzle-orm';
import type { Queryable, Tx } from '@/db';
import { partnerBranding, partners, registrations, type Registration } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { AppError, notFound } from '@/lib/errors/app-error';
import type { EmailBrand } from '@/lib/messages/templates/brand-email';
import { partnerHomeUrl } from '@/lib/tenancy/partner-home-url';
import { registrationStatus } from './requirements';

/** The caller's registration, locked for the step that changes it; another partner's id is simply not found. */
export async function lockRegistration(tx: Tx, ctx: PartnerCtx, registrationId: string): Promise<Registration> {
  const [row] = await tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.id, registrationId), eq(registrations.partnerId, ctx.partnerId)))
    .for('update');
  if (!row) throw notFound('Registration');
  return row;
}

/** Steps only apply to an open registration; a finished one says what became of it. */
export function assertOpen(registration: Registration): void {
  const status = registrationStatus(registration);
  if (status === 'pending') return;
  const what = { completed: 'has already been accepted', cancelled: 'was cancelled', expired: 'has expired' }[status];
  throw new AppError('conflict', `This registration ${what}.`);
}

export async function partnerKind(q: Queryable, partnerId: string): Promise<'live' | 'sandbox'> {
  const [row] = await q.select({ kind: partners.kind }).from(partners).where(eq(partners.id, partnerId));
  return row?.kind ?? 'live';
}

/** The brand messages go out in: a sandbox writes in its live partner's brand, with the logo from its host. */
export async function emailBrandFor(q: Queryable, partnerId: string): Promise<EmailBrand> {
  const [partner] = await q.select({ id: partners.id, parentId: partners.parentId }).from(partners).where(eq(partners.id, partnerId));
  const brandOwner = partner?.parentId ?? partnerId;
  const [brand] = await q
    .select({ productName: partnerBranding.productName, primaryColor: partnerBranding.primaryColor, supportEmail: partnerBranding.supportEmail, logoSha256: partnerBranding.logoSha256 })
    .from(partnerBranding)
    .where(eq(partnerBranding.partnerId, brandOwner));
  if (!brand) return { productName: 'Your account', primaryColor: '#334155', supportEmail: null, logoUrl: null };
  const { logoSha256, ...rest } = brand;
  // The same versioned URL the partner's pages use, so a new logo is a new address for mail clients too.
  const logoUrl = logoSha256 ? await partnerHomeUrl(q, brandOwner, `/brand/logo?v=${logoVersionOf(logoSha256)}`) : null;
  return { ...rest, logoUrl };
}
