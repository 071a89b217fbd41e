import { randomBytes } from 'node:crypto';
import { and, asc, count, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { partnerHostnames, partners } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { getConfig } from '@/lib/config';
import { conflict, invalid, notFound } from '@/lib/errors/app-error';
import { isUniqueViolation } from '@/lib/errors/postgres';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { forgetTenant } from '@/lib/tenancy/resolve-host';
import { addDomainSchema, maxCustomDomains, verificationRecordPrefix, verificationValuePrefix } from './schemas';
import type { z } from 'zod';

/** The DNS record a partner must create to prove it controls a domain. */
export function verificationRecord(hostname: string, token: string) {
  return { type: 'TXT' as const, name: `${verificationRecordPrefix}.${hostname}`, value: `${verificationValuePrefix}${token}` };
}

export async function listDomains(ctx: PartnerCtx) {
  requirePartnerRole(ctx, 'member');
  const db = getDb();
  const [partner] = await db.select({ slug: partners.slug }).from(partners).where(eq(partners.id, ctx.partnerId));
  if (!partner) throw notFound('Partner');
  const custom = await db.select().from(partnerHostnames).where(eq(partnerHostnames.partnerId, ctx.partnerId)).orderBy(asc(partnerHostnames.createdAt));
  return {
    subdomain: `${partner.slug}.${getConfig().PLATFORM_DOMAIN}`,
    custom: custom.map((row) => ({ ...row, record: verificationRecord(row.hostname, row.verificationToken) })),
  };
}

export async function addDomain(ctx: PartnerCtx, input: Untrusted<z.input<typeof addDomainSchema>>) {
  requirePartnerRole(ctx, 'admin');
  const { hostname } = parseInput(addDomainSchema, input);
  const platform = getConfig().PLATFORM_DOMAIN;
  if (hostname === platform || hostname.endsWith(`.${platform}`)) throw invalid('hostname', 'Use a domain of your own; platform subdomains are assigned automatically.');

  try {
    return await getDb().transaction(async (tx) => {
      const [{ existing } = { existing: 0 }] = await tx.select({ existing: count() }).from(partnerHostnames).where(eq(partnerHostnames.partnerId, ctx.partnerId));
      if (existing >= maxCustomDomains) throw invalid('hostname', `You can add at most ${maxCustomDomains} custom domains.`);
      const [row] = await tx
        .insert(partnerHostnames)
        .values({ partnerId: ctx.partnerId, hostname, verificationToken: randomBytes(16).toString('hex') })
        .returning();
      await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'domain.added', targetType: 'hostname', targetId: row!.id, after: { hostname } });
      return { ...row!, record: verificationRecord(hostname, row!.verificationToken) };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'partner_hostnames_partner_hostname_key')) throw conflict('You have already added this domain.', 'hostname');
    throw error;
  }
}

export async function removeDomain(ctx: PartnerCtx, hostnameId: string) {
  requirePartnerRole(ctx, 'admin');
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .delete(partnerHostnames)
      .where(and(eq(partnerHostnames.id, hostnameId), eq(partnerHostnames.partnerId, ctx.partnerId)))
      .returning();
    if (!row) throw notFound('Domain');
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'domain.removed', targetType: 'hostname', targetId: row.id, before: { hostname: row.hostname, status: row.status } });
  });
  forgetTenant(ctx.partnerId);
}

