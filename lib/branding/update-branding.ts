import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { getDb, type Tx } from '@/db';
import { recordUsage } from '@/lib/usage/record-usage';
import { partnerBranding } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { notFound } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { forgetTenant } from '@/lib/tenancy/resolve-host';
import { checkLogo } from './logo-image';
import { updateBrandingSchema, type UpdateBrandingInput } from './schemas';

const brandFields = {
  productName: partnerBranding.productName,
  primaryColor: partnerBranding.primaryColor,
  secondaryColor: partnerBranding.secondaryColor,
  supportEmail: partnerBranding.supportEmail,
};

export async function getBranding(ctx: PartnerCtx) {
  requirePartnerRole(ctx, 'member');
  const [row] = await getDb()
    .select({ ...brandFields, logoSha256: partnerBranding.logoSha256, logoBytes: partnerBranding.logoBytes })
    .from(partnerBranding)
    .where(eq(partnerBranding.partnerId, ctx.partnerId))
    .limit(1);
  if (!row) throw notFound('Branding');
  return row;
}

/** Changes name, colours and support e-mail; every host of the partner shows the change on its next request. */
export async function updateBranding(ctx: PartnerCtx, input: Untrusted<UpdateBrandingInput>) {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(updateBrandingSchema, input);
  await getDb().transaction(async (tx) => {
    const [before] = await tx.select(brandFields).from(partnerBranding).where(eq(partnerBranding.partnerId, ctx.partnerId)).for('update');
    if (!before) throw notFound('Branding');
    await tx.update(partnerBranding).set(data).where(eq(partnerBranding.partnerId, ctx.partnerId));
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'branding.updated', targetType: 'branding', targetId: ctx.partnerId, before, after: data });
  });
  forgetTenant(ctx.partnerId);
}

/** A logo is the partner's own storage (no client's): metered as the change in bytes it made. */
async function meterLogo(tx: Tx, partnerId: string, delta: number) {
  if (delta !== 0) await recordUsage(tx, { partnerId, clientId: null, kind: 'storage_bytes', quantity: delta, idempotencyKey: `logo:${randomUUID()}`, sourceId: 'logo', occurredAt: new Date() });
}

/** `declaredType` is the upload's own claim (a browser's guess from the file name), checked against the content. */
export async function setLogo(ctx: PartnerCtx, bytes: Buffer, declaredType?: string) {
  requirePartnerRole(ctx, 'admin');
  const logo = checkLogo(bytes, declaredType);
  await getDb().transaction(async (tx) => {
    const [before] = await tx.select({ logoBytes: partnerBranding.logoBytes }).from(partnerBranding).where(eq(partnerBranding.partnerId, ctx.partnerId)).for('update');
    await tx
      .update(partnerBranding)
      .set({ logo: logo.bytes, logoContentType: logo.contentType, logoSha256: logo.sha256, logoBytes: logo.bytes.length })
      .where(eq(partnerBranding.partnerId, ctx.partnerId));
    if (before) await meterLogo(tx, ctx.partnerId, logo.bytes.length - (before.logoBytes ?? 0));
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'branding.logo_changed', targetType: 'branding', targetId: ctx.partnerId, after: { contentType: logo.contentType, bytes: logo.bytes.length, width: logo.width, height: logo.height, sha256: logo.sha256 } });
  });
  forgetTenant(ctx.partnerId);
}

export async function removeLogo(ctx: PartnerCtx) {
  requirePartnerRole(ctx, 'admin');
  await getDb().transaction(async (tx) => {
    const [before] = await tx.select({ logoBytes: partnerBranding.logoBytes }).from(partnerBranding).where(eq(partnerBranding.partnerId, ctx.partnerId)).for('update');
    if (before?.logoBytes) await meterLogo(tx, ctx.partnerId, -before.logoBytes);
    await tx.update(partnerBranding).set({ logo: null, logoContentType: null, logoSha256: null, logoBytes: null }).where(eq(partnerBranding.partnerId, ctx.partnerId));
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'branding.logo_removed', targetType: 'branding', targetId: ctx.partnerId });
  });
  forgetTenant(ctx.partnerId);
}

/** The logo bytes for the partner's public logo route; public because login pages show it. */
export async function readLogo(partnerId: string) {
  const [row] = await getDb()
    .select({ logo: partnerBranding.logo, contentType: partnerBranding.logoContentType, sha256: partnerBranding.logoSha256 })
    .from(partnerBranding)
    .where(eq(partnerBranding.partnerId, partnerId))
    .limit(1);
  return row?.logo && row.contentType ? { bytes: row.logo, contentType: row.contentType, sha256: row.sha256! } : null;
}
